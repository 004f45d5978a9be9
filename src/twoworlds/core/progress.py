"""Progress bars for long work: shown on a terminal, quiet in CI and when output is piped."""

import os
import sys

from tqdm import tqdm


def progress_bar(total, description, stream=None):
    stream = stream or sys.stderr
    quiet = bool(os.environ.get("CI")) or not stream.isatty()
    return tqdm(total=total, desc=description, unit="group", file=stream, disable=quiet, leave=False)
