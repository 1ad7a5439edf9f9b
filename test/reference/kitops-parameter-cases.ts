// Kitfiles with model parameters written for Kitgate, one per shape kit's parameter round-trip test covers
// (TestParameterMarshalUnmarshal over pkg/artifact/testdata/parameters/*.yaml): the YAML kit reads, the YAML
// `kit info` writes back (identical: keys sorted, strings that look like booleans quoted) and the config JSON
// kit stores. Each row names the kit case whose shape it has; the values are ours.
import type { Origin } from "./origin";

export interface ParameterCase {
  origin: Origin;
  description: string;
  kitfileYaml: string;
  kitfileJson: string;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `pkg/artifact/testdata/parameters/${name}.yaml`, commit });
const head = "manifestVersion: 1.0.0\npackage:\n  name: churn-classifier\nmodel:\n  name: churn\n  path: weights/churn.onnx\n";
const jsonHead = '{"manifestVersion":"1.0.0","package":{"name":"churn-classifier"},"model":{"name":"churn","path":"weights/churn.onnx","parameters":';

export const KIT_PARAMETER_CASES: ParameterCase[] = [
  {
    origin: o("test-basic-parameters", "0920c0e56a14eacf69dd1dcf813cddd248d246a0"),
    description: "string parameters",
    kitfileYaml: `${head}  parameters:\n    loss: logloss\n    objective: binary\n    sampler: uniform\n`,
    kitfileJson: `${jsonHead}{"loss":"logloss","objective":"binary","sampler":"uniform"}}}`,
  },
  {
    origin: o("test-data-types", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "booleans, a boolean-looking string, float, negative and positive integers, string",
    kitfileYaml: `${head}  parameters:\n    early-stop: false\n    label: "false"\n    learning-rate: 0.05\n    max-delta: -2\n    rounds: 400\n    tree: hist\n`,
    kitfileJson: `${jsonHead}{"early-stop":false,"label":"false","learning-rate":0.05,"max-delta":-2,"rounds":400,"tree":"hist"}}}`,
  },
  {
    origin: o("test-list-parameters", "0920c0e56a14eacf69dd1dcf813cddd248d246a0"),
    description: "parameters as a list",
    kitfileYaml: `${head}  parameters:\n    - tokenize\n    - embed\n    - classify\n`,
    kitfileJson: `${jsonHead}["tokenize","embed","classify"]}}`,
  },
  {
    origin: o("test-nested-parameters", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "lists of lists, deep maps, lists holding maps of lists",
    kitfileYaml:
      `${head}  parameters:\n    grid:\n      - - low\n        - high\n      - - narrow\n        - wide\n    layers:\n      encoder:\n        attention:\n          heads:\n            kind: multi\n` +
      "    pipeline:\n      - scale\n      - impute\n      - encode:\n          - onehot: 1\n          - target: 2\n    schedule:\n      decay: cosine\n      start: warm\n      steps: long\n",
    kitfileJson:
      `${jsonHead}{"grid":[["low","high"],["narrow","wide"]],"layers":{"encoder":{"attention":{"heads":{"kind":"multi"}}}},` +
      '"pipeline":["scale","impute",{"encode":[{"onehot":1},{"target":2}]}],"schedule":{"decay":"cosine","start":"warm","steps":"long"}}}}',
  },
  {
    origin: o("test-single-value", "b9ad61f9c07f819adedda8be0afbadc40ec52c3b"),
    description: "a block string as the whole parameters value",
    kitfileYaml: `${head}  parameters: |\n    churn-v2\n`,
    kitfileJson: `${jsonHead}"churn-v2\\n"}}`,
  },
];
