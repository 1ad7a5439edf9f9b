import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/access/roles";
import { IllegalTransition } from "./illegal-transition";
import { transition } from "./transitions";
import { APPROVAL_EVENTS, APPROVAL_STATES, type ApprovalEvent, type ApprovalState, type TransitionContext, type WorkflowRole } from "./types";

const NOW = new Date("2026-11-27T12:00:00Z");
const base = (role: WorkflowRole, over: Partial<TransitionContext> = {}): TransitionContext => ({
  role,
  actorId: "oidc:manager",
  actorGroups: ["managers"],
  env: { name: "production", approvals: 1, approverGroups: [], distinctApprover: true, waitMinutes: 0 },
  now: NOW,
  gatePassed: true,
  requesterId: "oidc:scientist",
  requestedAt: new Date("2026-11-27T11:00:00Z"),
  approvedBy: [],
  decidedBy: [],
  ...over,
});

// Written out by hand from the issue: who may fire each event in each state, and where it leads.
type Cell = { who: "system" | "contributor" | "approver"; to: ApprovalState };
const EXPECTED: Record<ApprovalState, Partial<Record<ApprovalEvent, Cell>>> = {
  quarantined: {
    "gate-passed": { who: "system", to: "scan-passed" },
    "gate-failed": { who: "system", to: "quarantined" },
    request: { who: "contributor", to: "awaiting-approval" },
  },
  "scan-passed": {
    "gate-passed": { who: "system", to: "scan-passed" },
    "gate-failed": { who: "system", to: "quarantined" },
    request: { who: "contributor", to: "awaiting-approval" },
  },
  "awaiting-approval": {
    approve: { who: "approver", to: "approved" },
    reject: { who: "approver", to: "rejected" },
    revoke: { who: "approver", to: "revoked" },
    "gate-failed": { who: "system", to: "quarantined" },
  },
  approved: {
    "promote-succeeded": { who: "system", to: "promoted" },
    "promote-failed": { who: "system", to: "approved" },
    revoke: { who: "approver", to: "revoked" },
  },
  promoted: { revoke: { who: "approver", to: "revoked" } },
  rejected: {},
  revoked: {},
};

const RANK = ["viewer", "contributor", "reviewer", "approver", "admin"];
function allowed(cell: Cell, role: WorkflowRole): boolean {
  if (cell.who === "system") return role === "system";
  return role !== "system" && RANK.indexOf(role) >= RANK.indexOf(cell.who);
}

describe("transition table: every state × event × role", () => {
  const roles: WorkflowRole[] = [...ROLES, "system"];
  for (const state of APPROVAL_STATES) {
    for (const event of APPROVAL_EVENTS) {
      for (const role of roles) {
        const cell = EXPECTED[state][event];
        const ok = cell !== undefined && allowed(cell, role);
        it(`${state} × ${event} × ${role} → ${ok ? cell!.to : "refused"}`, () => {
          if (ok) {
            expect(transition(state, event, base(role)).to).toBe(cell!.to);
          } else {
            let thrown: unknown;
            try {
              transition(state, event, base(role));
            } catch (e) {
              thrown = e;
            }
            expect(thrown).toBeInstanceOf(IllegalTransition);
            const err = thrown as IllegalTransition;
            expect(err.from).toBe(state);
            expect(err.event).toBe(event);
            expect(err.message).toContain(err.reason);
            expect(err.reason.length).toBeGreaterThan(10);
          }
        });
      }
    }
  }
});

describe("guards", () => {
  const refuse = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as IllegalTransition;
    }
    throw new Error("expected the move to be refused");
  };

  it("a failed gate blocks the request", () => {
    const e = refuse(() => transition("scan-passed", "request", base("contributor", { gatePassed: false })));
    expect(e.reason).toMatch(/policy gate has not passed/);
  });

  it("the requester cannot approve their own request", () => {
    const e = refuse(() => transition("awaiting-approval", "approve", base("approver", { actorId: "oidc:scientist" })));
    expect(e.reason).toMatch(/no self-approval/);
    expect(e.status).toBe(403);
  });

  it("the pusher cannot approve either, but may when the environment allows self-approval", () => {
    expect(refuse(() => transition("awaiting-approval", "approve", base("approver", { pusherId: "oidc:manager" }))).reason).toMatch(/pushed/);
    const env = { name: "dev", approvals: 1, approverGroups: [], distinctApprover: false, waitMinutes: 0 };
    expect(transition("awaiting-approval", "approve", base("approver", { actorId: "oidc:scientist", env })).to).toBe("approved");
  });

  it("N of M: the first of two approvals keeps the request waiting, the second approves", () => {
    const env = { name: "production", approvals: 2, approverGroups: [], distinctApprover: true, waitMinutes: 0 };
    const first = transition("awaiting-approval", "approve", base("approver", { env }));
    expect(first).toEqual({ to: "awaiting-approval", approvals: 1 });
    const second = transition("awaiting-approval", "approve", base("approver", { env, actorId: "oidc:cto", approvedBy: ["oidc:manager"], decidedBy: ["oidc:manager"] }));
    expect(second).toEqual({ to: "approved", approvals: 2 });
  });

  it("the same approver cannot count twice", () => {
    const e = refuse(() => transition("awaiting-approval", "approve", base("approver", { approvedBy: ["oidc:manager"], decidedBy: ["oidc:manager"] })));
    expect(e.reason).toMatch(/already decided/);
  });

  it("approverGroups restrict who may decide; admin is not restricted", () => {
    const env = { name: "production", approvals: 1, approverGroups: ["prod-approvers"], distinctApprover: true, waitMinutes: 0 };
    expect(refuse(() => transition("awaiting-approval", "approve", base("approver", { env }))).reason).toMatch(/prod-approvers/);
    expect(transition("awaiting-approval", "approve", base("approver", { env, actorGroups: ["prod-approvers"] })).to).toBe("approved");
    expect(transition("awaiting-approval", "approve", base("admin", { env, actorGroups: [] })).to).toBe("approved");
  });

  it("the wait timer holds approvals until it runs out", () => {
    const env = { name: "production", approvals: 1, approverGroups: [], distinctApprover: true, waitMinutes: 120 };
    expect(refuse(() => transition("awaiting-approval", "approve", base("approver", { env }))).reason).toMatch(/wait timer runs until 2026-11-27T13:00:00.000Z/);
    const later = new Date("2026-11-27T13:00:00Z");
    expect(transition("awaiting-approval", "approve", base("approver", { env, now: later })).to).toBe("approved");
  });

  it("final states explain what to do next", () => {
    expect(refuse(() => transition("rejected", "approve", base("approver"))).reason).toMatch(/request promotion again/);
    expect(refuse(() => transition("promoted", "promote-succeeded", base("system"))).reason).toMatch(/already promoted/);
  });
});
