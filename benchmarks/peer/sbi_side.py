"""sbi 0.22's side of the side-by-side run: NPE (nsf) or NLE (maf) trained on jsbi's simulations CSV at sbi's
defaults, one thread, then 10,000 posterior draws for one observation. Prints one CSV line:
tool,method,train_wall_s,train_cpu_s,epochs,sample_wall_s,sample_cpu_s (in-process, so without Python's start-up)
and writes the draws to --samples.

Usage: python3 sbi_side.py --method npe|nle --simulations sims.csv --observation obs.csv --samples out.csv
       [--seed 1] [--batch-size 50] [--learning-rate 5e-4]
"""
import argparse
import csv
import time

import stubs

stubs.install()

import torch  # noqa: E402

torch.set_num_threads(1)

from sbi.inference import SNLE, SNPE  # noqa: E402
from sbi.utils import BoxUniform  # noqa: E402


def read(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0], torch.tensor([[float(v) for v in r] for r in rows[1:]], dtype=torch.float32)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--method", choices=["npe", "nle"], required=True)
    p.add_argument("--simulations", required=True)
    p.add_argument("--observation", required=True)
    p.add_argument("--samples", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=50)
    p.add_argument("--learning-rate", type=float, default=5e-4)
    p.add_argument("--parameters", type=int, default=2, help="leading columns that are θ")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    header, table = read(a.simulations)
    theta, x = table[:, : a.parameters], table[:, a.parameters:]
    _, xo = read(a.observation)
    prior = BoxUniform(-torch.ones(a.parameters), torch.ones(a.parameters))
    if a.method == "npe":
        inference = SNPE(prior=prior, density_estimator="nsf", show_progress_bars=False)
    else:
        inference = SNLE(prior=prior, density_estimator="maf", show_progress_bars=False)
    inference.append_simulations(theta, x)
    c0, w0 = time.process_time(), time.perf_counter()
    estimator = inference.train(training_batch_size=a.batch_size, learning_rate=a.learning_rate)
    c1, w1 = time.process_time(), time.perf_counter()
    epochs = inference._summary["epochs_trained"][-1]
    if a.method == "npe":
        posterior = inference.build_posterior(estimator)
    else:
        posterior = inference.build_posterior(estimator, mcmc_method="slice_np_vectorized",
                                              mcmc_parameters={"num_chains": 100})
    c2, w2 = time.process_time(), time.perf_counter()
    samples = posterior.sample((10_000,), x=xo[0], show_progress_bars=False)
    c3, w3 = time.process_time(), time.perf_counter()
    with open(a.samples, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header[: a.parameters])
        w.writerows(samples.tolist())
    print("tool,method,train_wall_s,train_cpu_s,epochs,sample_wall_s,sample_cpu_s")
    print(f"sbi 0.22 (in-process),{a.method},{w1 - w0:.1f},{c1 - c0:.1f},{epochs},{w3 - w2:.1f},{c3 - c2:.1f}")


if __name__ == "__main__":
    main()
