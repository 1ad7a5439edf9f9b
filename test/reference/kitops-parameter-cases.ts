// kit's own Kitfile round-trip goldens (pkg/artifact/testdata/parameters/*.yaml, run by
// TestParameterMarshalUnmarshal): the YAML kit reads, the YAML `kit info` writes back (identical) and the
// config JSON kit stores.
import type { Origin } from "./origin";

export interface ParameterCase {
  origin: Origin;
  description: string;
  kitfileYaml: string;
  kitfileJson: string;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `pkg/artifact/testdata/parameters/${name}.yaml`, commit });
const head = "manifestVersion: 1.0.0\npackage:\n  name: test-kitfile\nmodel:\n  name: test-model\n  path: tmp/path/to/model\n";
const jsonHead = '{"manifestVersion":"1.0.0","package":{"name":"test-kitfile"},"model":{"name":"test-model","path":"tmp/path/to/model","parameters":';

export const KIT_PARAMETER_CASES: ParameterCase[] = [
  {
    origin: o("test-basic-parameters", "0920c0e56a14eacf69dd1dcf813cddd248d246a0"),
    description: "Can round-trip basic parameters",
    kitfileYaml: `${head}  parameters:\n    test-a: a\n    test-b: b\n    test-c: c\n`,
    kitfileJson: `${jsonHead}{"test-a":"a","test-b":"b","test-c":"c"}}}`,
  },
  {
    origin: o("test-data-types", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "Can round-trip basic data types",
    kitfileYaml: `${head}  parameters:\n    test-bool: true\n    test-bool-str: "true"\n    test-float: 12.3\n    test-negative: -123\n    test-number: 123\n    test-string: string\n`,
    kitfileJson: `${jsonHead}{"test-bool":true,"test-bool-str":"true","test-float":12.3,"test-negative":-123,"test-number":123,"test-string":"string"}}}`,
  },
  {
    origin: o("test-list-parameters", "0920c0e56a14eacf69dd1dcf813cddd248d246a0"),
    description: "Can round-trip parameters as a list",
    kitfileYaml: `${head}  parameters:\n    - item-a\n    - item-b\n    - item-c\n`,
    kitfileJson: `${jsonHead}["item-a","item-b","item-c"]}}`,
  },
  {
    origin: o("test-nested-parameters", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "Can round-trip maps and lists parameters",
    kitfileYaml:
      `${head}  parameters:\n    test-list-of-lists:\n      - - a-1\n        - a-2\n      - - b-1\n        - b-2\n    test-maps:\n      a:\n        b:\n          c:\n            d:\n              e: f\n` +
      "    test-nested-list:\n      - item-a\n      - item-b\n      - item-object:\n          - subfield-1: 1\n          - subfield-2: 2\n    test-nested-map:\n      test-a: a\n      test-b: b\n      test-c: c\n",
    kitfileJson:
      `${jsonHead}{"test-list-of-lists":[["a-1","a-2"],["b-1","b-2"]],"test-maps":{"a":{"b":{"c":{"d":{"e":"f"}}}}},` +
      '"test-nested-list":["item-a","item-b",{"item-object":[{"subfield-1":1},{"subfield-2":2}]}],"test-nested-map":{"test-a":"a","test-b":"b","test-c":"c"}}}}',
  },
  {
    origin: o("test-single-value", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "Can handle basic string as parameters",
    kitfileYaml: `${head}  parameters: |\n    test-string\n`,
    kitfileJson: `${jsonHead}"test-string\\n"}}`,
  },
];
