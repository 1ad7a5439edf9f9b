// Prints a bcrypt hash for `auth.localUsers[].passwordHash`: npx tsx scripts/hash-password.ts 'the password'
import bcrypt from "bcryptjs";

const password = process.argv[2];
if (!password) {
  console.error("usage: npx tsx scripts/hash-password.ts <password>");
  process.exit(2);
}
console.log(bcrypt.hashSync(password, 12));
