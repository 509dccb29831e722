"""Stand-ins for the logging and plotting packages that sbi 0.22 imports but the benchmark never calls.

tensorboard (sbi's training log), arviz (MCMC diagnostics export) and matplotlib (plots) are not installed here.
Each stand-in module hands out a dummy class for any name imported from it; calling anything on it does nothing.
Nothing that trains, samples or scores goes through them.
"""
import sys
import types


class _Dummy:
    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def _module(name):
    m = types.ModuleType(name)
    m.__path__ = []  # a package, so that submodules import
    m.__getattr__ = lambda attr: _Dummy
    return m


STUBBED = [
    "tensorboard", "tensorboard.backend", "tensorboard.backend.event_processing",
    "tensorboard.backend.event_processing.event_accumulator",
    "torch.utils.tensorboard", "torch.utils.tensorboard.writer",
    "arviz", "arviz.data",
    "matplotlib", "matplotlib.pyplot", "matplotlib.axes", "matplotlib.figure", "matplotlib.colors",
    "matplotlib.patches", "matplotlib.cm",
]


def install():
    for name in STUBBED:
        sys.modules[name] = _module(name)
