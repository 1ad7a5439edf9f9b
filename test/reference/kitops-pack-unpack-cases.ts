// kit's own pack/unpack functional cases (testing/testdata/pack-unpack/*.yaml, format in testing/testdata/README.md)
// and ModelKit-reference cases (testing/testdata/modelkit-refs/*.yaml), re-typed as data: the Kitfile, the
// files that must end up in the ModelKit and the ones that must not.
import type { Origin } from "./origin";

export interface PackUnpackCase {
  origin: Origin;
  description: string;
  kitfile: string;
  /** the case has a .kitignore (Kitgate's pack fixture does not apply ignore files, so ignored files are left out) */
  kitignore: string | null;
  files: string[];
  ignored: string[];
}

export interface ModelKitRefCase {
  origin: Origin;
  description: string;
  modelkits: { tag: string; kitfile: string; files: string[]; packErrRegexp?: string }[];
}

const o = (path: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path, commit });

export const KIT_PACK_UNPACK_CASES: PackUnpackCase[] = [
  {
    origin: o("testing/testdata/pack-unpack/test_empty-kitfile.yaml", "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc"),
    description: "Pack and unpack a basic modelkit",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-empty\n",
    kitignore: null,
    files: [],
    ignored: ["./model/my-model.bin", "./datasets/my-dataset.bin", "./code/my-code.py", "some-file.txt"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-basic-model.yaml", "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc"),
    description: "Pack and unpack a basic modelkit",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-basic\nmodel:\n  name: test-model\n  path: ./model\ndatasets:\n  - name: test-dataset\n    path: ./datasets\ncode:\n  - path: ./code\n",
    kitignore: null,
    files: ["./model/my-model.bin", "./datasets/my-dataset.bin", "./code/my-code.py"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-ignores-basic.yaml", "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc"),
    description: "Pack and unpack with basic ignorefile",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-ignores\nmodel:\n  name: test-ignores\n  path: .\n",
    kitignore: "# Ignore an entire directory\ndir1\n# Ignore a subdirectory\ndir2/dirA\n# Ignore a file in root\nroot-ignored.txt\n# Ignore a file in a subdirectory\ndir3/dir3-ignored.txt\n# Ignore with wildcard\ndir4/*/ignored-file.txt\n# Ignore all with md extension\n**/*.md\n# Ignore all dirs with name\n**/ignored\n# Single character wildcard\nignored-?.txt\n# Exclusions\n!dir5/not-ignored.md\n",
    files: ["dir2/file2.txt", "dir2/dirB/fileB.txt", "root-included.txt", "dir3/dir3-included.txt", "dir3/dirA/fileA.txt", "dir4/dirA/not-ignored", "dir4/dirB/not-ignored", "dir4/ignored-file.txt", "dir5/not-ignored.md"],
    ignored: ["dir1/dirA/fileA.txt", "dir1/file1.txt", "dir2/dirA/fileA.txt", "root-ignored.txt", "dir3/dir3-ignored.txt", "dir4/dirA/ignored-file.txt", "dir4/dirB/ignored-file.txt", "dir4/dirC/ignored-file.txt", "ignored-root.md", "dir2/ignored-dir2.md", "dir3/dirA/ignored-dirA.md", "dir2/ignored/ignored-file1.txt", "dir3/dirB/ignored/ignored-file2.txt", "ignored-a.txt", "ignored-b.txt", "ignored-1.txt"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-ignores-intersecting.yaml", "d1afec16362323b4ff7fd1220a6ab134b3580e08"),
    description: "Pack and unpack when paths intersect",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-ignore-intersecting-dir\nmodel:\n  name: test-model\n  path: main-dir\ndatasets:\n  - name: test-dataset\n    path: main-dir/subdir\ncode:\n  - path: .   # everything else\n",
    kitignore: "main-dir/ignored-subdir\nmain-dir/main-subdir/ignored-file1.txt\nmain-dir/subdir/ignored-dataset1.txt\nmain-dir/subdir/ignored-subdir\nignored-dir\n",
    files: ["main-dir/model-file1.txt", "main-dir/model-file2.txt", "main-dir/model-file3.txt", "main-dir/main-subdir/model-subdir1.txt", "main-dir/main-subdir/model-subdir2.txt", "main-dir/subdir/dataset-file1.txt", "main-dir/subdir/dataset-file2.txt", "main-dir/subdir/subdir2/dataset-subdir1.txt", "other-dir/code-file1.txt", "other-dir/code-file2.txt", "root-file1.txt", "root-file2"],
    ignored: ["main-dir/ignored-subdir/file1", "main-dir/main-subdir/ignored-file1.txt", "main-dir/subdir/ignored-dataset1.txt", "main-dir/subdir/ignored-subdir/file1", "ignored-dir/file1"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-intersecting-paths.yaml", "d1afec16362323b4ff7fd1220a6ab134b3580e08"),
    description: "Pack and unpack when paths intersect",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-intersecting-dir\nmodel:\n  name: test-model\n  path: main-dir\ndatasets:\n  - name: test-dataset\n    path: main-dir/subdir\ncode:\n  - path: .   # everything else\n",
    kitignore: null,
    files: ["main-dir/model-file1.txt", "main-dir/model-file2.txt", "main-dir/model-file3.txt", "main-dir/main-subdir/model-subdir1.txt", "main-dir/main-subdir/model-subdir2.txt", "main-dir/subdir/dataset-file1.txt", "main-dir/subdir/dataset-file2.txt", "main-dir/subdir/subdir2/dataset-subdir1.txt", "other-dir/code-file1.txt", "other-dir/code-file2.txt", "root-file1.txt", "root-file2"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-modelkit-parts-kitignore.yaml", "fb79248a50bfb49b2c0f31fab908e68ea7e7bc41"),
    description: "Packs and unpacks modelKit parts with kitignore",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-model-parts-ignore\nmodel:\n  name: test-model\n  path: ./model\n  parts:\n  - name: part1\n    path: model/part1/\n  - name: part2\n    path: model/part2/\n  - name: part3\n    path: part3/\n",
    kitignore: "**/*.md\n**/part2/ignored\n",
    files: ["model/main-model1", "model/main-model2", "model/part1/part1A", "model/part1/part1B", "model/part2/part2A", "model/part2/part2B", "part3/part3A"],
    ignored: ["model/main-ignored.md", "model/part1/part1-ignored.md", "model/part2/ignored/ignored-file.txt", "part3/ignored.md"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-modelkit-parts.yaml", "fb79248a50bfb49b2c0f31fab908e68ea7e7bc41"),
    description: "Packs and unpacks modelKit parts",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-model-parts\nmodel:\n  name: test-model\n  path: ./model\n  parts:\n    - name: part1\n      path: ./model/part1\n    - name: part2\n      path: model/part2\n    - name: part3\n      path: ./part3\n",
    kitignore: null,
    files: ["model/main-model-1", "model/main-model-2", "model/part1", "model/part2", "part3"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-path-formats.yaml", "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc"),
    description: "Pack and unpack with different path formats",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-paths\ndatasets:\n  - name: test-with-dot\n    path: ./test1\n  - name: test-path-without-dot\n    path: test2\n  - name: test-path-is-directory\n    path: test3/\n  - name: test-path-is-file\n    path: test4/test-single-file.txt\n  - name: test-path-is-subdirectory\n    path: test5/subdir/subdir2/\n  - name: test-path-has-subdirs\n    path: test6/\n  - name: test-path-has-repeated-elements\n    path: test7/test7\n",
    kitignore: null,
    files: ["test1/test1-file1.txt", "test1/test1-file2.txt", "test2/test2-file1", "test2/test2-file2", "test3/test3-file1.txt", "test3/test3-file2.txt", "test4/test-single-file.txt", "test5/subdir/subdir2/test5-file1.txt", "test6/subdir1/test6-file1.txt", "test6/subdir2/test6-file2.txt", "test6/subdir2/test6-file3.txt", "test6/test6-file4.txt", "test7/test7/test7/test7/test7-file1.txt"],
    ignored: ["test4/ignored-file.txt", "test5/ignored-file.txt", "test5/ignored-subdir/ignored-file.txt", "test5/subdir/ignored-subdir/ignored-file.txt", "test-ignored/ignored-file.txt"],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_pack-path-is-context-dir.yaml", "ac9b7fe80012722e32e6c9a1f8cfb68de0df39bc"),
    description: "Pack and unpack path that is context dir itself",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-context-dir\nmodel:\n  name: test-model\n  path: .\n",
    kitignore: null,
    files: ["file-in-root1.txt", "file-in-root2.txt", "main-dir/file-main1.txt", "main-dir/subdir/file-subdir1.txt", "dir2/test-file1.txt"],
    ignored: [],
  },
  {
    origin: o("testing/testdata/pack-unpack/test_path-formats.yaml", "9d3d4108d881147c1e137b3b243f2e5d443e9360"),
    description: "Ensure various path formats are supported",
    kitfile: "manifestVersion: 1.0.0\npackage:\n  name: test-path-format\ndocs:\n  - path: my-file.txt\n  - path: ./my-file2.txt\n  - path: dir-one\n  - path: dir-two/\n  - path: ./dir-three\n  - path: ./dir-four/\n  - path: dir-five/my-file.txt\n  - path: ./dir-six/my-file.txt\n",
    kitignore: null,
    files: ["./my-file.txt", "./my-file2.txt", "./dir-one/test-file", "./dir-two/test-file", "./dir-three/test-file", "./dir-four/test-file", "./dir-five/my-file.txt", "./dir-six/my-file.txt"],
    ignored: [],
  },
];

export const KIT_MODELKIT_REF_CASES: ModelKitRefCase[] = [
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-basic.yaml", "dd0edb6e8f64a89ca5d7c4a35940029fe7f2ffb6"),
    description: "Test that pack works with modelkit references",
    modelkits: [
      {
        "tag": "test-ref:model-1",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-1\nmodel:\n  name: model-1\n  path: my-model/\n  parts:\n  - name: model-1-part-1\n    path: my-model-alt/model-1-part-1.txt\n  - name: model-1-part-2\n    path: model-1-part-2.txt\n",
        "files": [
          "my-model/model-1-file-1.txt",
          "my-model/model-1-file-2.txt",
          "my-model/model-1-subdir/model-1-file-3.txt",
          "my-model-alt/model-1-part-1.txt",
          "model-1-part-2.txt"
        ]
      },
      {
        "tag": "test-ref:model-2",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-2\nmodel:\n  name: model-2\n  path: test-ref:model-1\n  parts:\n  - name: model-2-part-1\n    path: my-model/model-2-dir-1\n  - name: model-2-part-2\n    path: my-model-alt/model-2-part-1.txt\n  - name: model-2-part-3\n    path: model-2-part-3.txt\n",
        "files": [
          "my-model/model-2-dir-1/model-2-subdir-part-1.txt",
          "my-model/model-2-dir-1/model-2-subdir-part-2.txt",
          "my-model-alt/model-2-part-1.txt",
          "model-2-part-3.txt"
        ]
      },
      {
        "tag": "test-ref:model-3",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-3\nmodel:\n  name: model-3\n  path: test-ref:model-2\n  parts:\n  - name: model-3-part-1\n    path: my-model/model-2-dir-1/model-3-part-1.txt\n  - name: model-3-part-2\n    path: my-model/model-3-part-2.txt\n  - name: model-3-part-3\n    path: my-model-alt/model-3-part-1.txt\n  - name: model-3-part-4\n    path: model-3-part-4.txt\n",
        "files": [
          "my-model/model-2-dir-1/model-3-part-1.txt",
          "my-model/model-3-part-2.txt",
          "my-model-alt/model-3-part-1.txt",
          "model-3-part-4.txt"
        ]
      }
    ],
  },
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-long-chain.yaml", "84c842bde64d3391c3538280797d4782d373f698"),
    description: "Test that long modelkit reference chains fail to pack",
    modelkits: [
      {
        "tag": "test-ref:model-1",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: file-1.txt\n",
        "files": [
          "file-1.txt"
        ]
      },
      {
        "tag": "test-ref:model-2",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-1\n",
        "files": []
      },
      {
        "tag": "test-ref:model-3",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-2\n",
        "files": []
      },
      {
        "tag": "test-ref:model-4",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-3\n",
        "files": []
      },
      {
        "tag": "test-ref:model-5",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-4\n",
        "files": []
      },
      {
        "tag": "test-ref:model-6",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-5\n",
        "files": []
      },
      {
        "tag": "test-ref:model-7",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-6\n",
        "files": []
      },
      {
        "tag": "test-ref:model-8",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-7\n",
        "files": []
      },
      {
        "tag": "test-ref:model-9",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-8\n",
        "files": []
      },
      {
        "tag": "test-ref:model-10",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-9\n",
        "files": []
      },
      {
        "tag": "test-ref:model-11",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-10\n",
        "files": []
      },
      {
        "tag": "test-ref:model-12",
        "kitfile": "manifestVersion: 1.0.0\nmodel:\n  path: test-ref:model-11\n",
        "files": [],
        "packErrRegexp": "reached maximum number of model references"
      }
    ],
  },
  {
    origin: o("testing/testdata/modelkit-refs/test_reference-loop.yaml", "dd0edb6e8f64a89ca5d7c4a35940029fe7f2ffb6"),
    description: "Test that pack fails when modelkit references form a loop",
    modelkits: [
      {
        "tag": "test-ref:model-1",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-1\nmodel:\n  name: model-1\n  path: file-1.txt\n",
        "files": [
          "file-1.txt"
        ]
      },
      {
        "tag": "test-ref:model-2",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-2\nmodel:\n  name: model-2\n  path: test-ref:model-1\n",
        "files": []
      },
      {
        "tag": "test-ref:model-3",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-3\nmodel:\n  name: model-3\n  path: test-ref:model-2\n",
        "files": []
      },
      {
        "tag": "test-ref:model-1",
        "kitfile": "manifestVersion: 1.0.0\npackage:\n  name: model-1\nmodel:\n  name: model-1\n  path: test-ref:model-3\n",
        "files": [],
        "packErrRegexp": "Found cycle in modelkit references"
      }
    ],
  },
];
