#!/usr/bin/env python3
"""Deterministic corpus of realistic TFJob/MXJob manifests for kflint's benchmarks.

  gen_corpus.py --docs N [--files F] [--defects 0.1] [--seed 1] --out DIR|FILE
  gen_corpus.py --megabytes 50 --out FILE      (as many documents as fit in one 50 MB stream)

Each document is a full job (~190 lines: several replica types with env, args, ports, volumes,
resources, node selectors, tolerations). A share of documents (--defects) gets one realistic
mistake (typo'd field, requests above limits, bad quantity, wrong container name, ...).
With --files 1 the output is one multi-document stream.
"""
import argparse
import os
import random

DEFECTS = [
    ("replicas:", "replica:"),
    ('cpu: "2"\n                  memory: 8Gi\n                limits:', 'cpu: "8"\n                  memory: 8Gi\n                limits:'),
    ("memory: 8Gi", "memory: 8GB"),
    ("- name: tensorflow", "- name: trainer"),
    ("restartPolicy: OnFailure", "restartPolicy: onfailure"),
    ("image: registry.example.com/ml", "image: registry.example.com/ML"),
]


def container(rng, name, image, index):
    env = "".join(
        f"                - name: ENV_{k}\n                  value: \"{rng.randint(0, 10**6)}\"\n" for k in range(2)
    )
    return f"""            - name: {name}
              image: {image}
              imagePullPolicy: IfNotPresent
              command: ["python", "/opt/train/train.py"]
              args:
                - --epochs={rng.randint(1, 100)}
                - --batch-size={rng.choice([32, 64, 128, 256])}
                - --learning-rate=0.0{rng.randint(1, 9)}
                - --data-dir=/data/set-{index}
              env:
{env}              ports:
                - name: {"tfjob-port" if name == "tensorflow" else "mxjob-port"}
                  containerPort: {2222 if name == "tensorflow" else 9091}
                  protocol: TCP
              resources:
                requests:
                  cpu: "2"
                  memory: 8Gi
                limits:
                  cpu: "4"
                  memory: 8Gi
              volumeMounts:
                - name: data
                  mountPath: /data
                  readOnly: true
                - name: checkpoints
                  mountPath: /checkpoints
"""


def replica(rng, kind, rtype, count, index):
    name = "tensorflow" if kind == "TFJob" else "mxnet"
    image = f"registry.example.com/ml/{'tf' if kind == 'TFJob' else 'mx'}-train:{rng.randint(1, 9)}.{rng.randint(0, 20)}"
    return f"""    {rtype}:
      replicas: {count}
      restartPolicy: {"OnFailure" if kind == "TFJob" else "Never"}
      template:
        metadata:
          labels:
            app.kubernetes.io/name: job-{index}
            app.kubernetes.io/component: {rtype.lower()}
          annotations:
            sidecar.istio.io/inject: "false"
        spec:
          imagePullSecrets:
            - name: regcred
          nodeSelector:
            node.kubernetes.io/instance-type: gpu-{rng.choice(["a", "b", "c"])}
          containers:
{container(rng, name, image, index)}          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: dataset-{index % 7}
            - name: checkpoints
              emptyDir: {{}}
"""


def document(rng, index, defect):
    kind = "TFJob" if index % 3 else "MXJob"
    if kind == "TFJob":
        replicas = [("Chief", 1), ("PS", rng.randint(1, 2)), ("Worker", rng.randint(2, 8)), ("Evaluator", 1)]
        head = "  runPolicy:\n    cleanPodPolicy: None\n    backoffLimit: 3\n    ttlSecondsAfterFinished: 86400\n  tfReplicaSpecs:\n"
    else:
        replicas = [("Scheduler", 1), ("Server", rng.randint(1, 3)), ("Worker", rng.randint(2, 8))]
        head = "  jobMode: MXTrain\n  runPolicy:\n    cleanPodPolicy: All\n  mxReplicaSpecs:\n"
    body = "".join(replica(rng, kind, t, n, index) for t, n in replicas)
    text = f"""apiVersion: kubeflow.org/v1
kind: {kind}
metadata:
  name: train-{index:05d}
  namespace: ml-{index % 5}
  labels:
    team: research
    experiment: exp-{index % 17}
spec:
{head}{body}"""
    if defect:
        before, after = rng.choice(DEFECTS)
        text = text.replace(before, after, 1)
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int)
    ap.add_argument("--megabytes", type=float, help="instead of --docs: fill one stream up to this size")
    ap.add_argument("--files", type=int, default=1)
    ap.add_argument("--defects", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    if (args.docs is None) == (args.megabytes is None):
        ap.error("give exactly one of --docs and --megabytes")
    rng = random.Random(args.seed)
    if args.megabytes is not None:
        limit, size, docs = int(args.megabytes * 1_000_000), 0, []
        while True:
            doc = document(rng, len(docs), rng.random() < args.defects)
            if size + len(doc) + 4 > limit:
                break
            docs.append(doc)
            size += len(doc) + 4
    else:
        docs = [document(rng, i, rng.random() < args.defects) for i in range(args.docs)]
    if args.files == 1 and not os.path.isdir(args.out):
        with open(args.out, "w") as f:
            f.write("---\n".join(docs))
        return
    os.makedirs(args.out, exist_ok=True)
    per = (len(docs) + args.files - 1) // args.files
    for k in range(args.files):
        with open(os.path.join(args.out, f"jobs-{k:03d}.yaml"), "w") as f:
            f.write("---\n".join(docs[k * per:(k + 1) * per]))


if __name__ == "__main__":
    main()
