"""Engines: run one function over a stream of chunks, in order, with bounded memory.

Two engines share one contract — :func:`map_chunks` yields ``function(chunk)``
for every chunk in input order, reading the input lazily and keeping only a
few chunks in flight, so memory does not grow with the length of the stream:

- ``"local"``: the calling process (``jobs=1``) or a pool of ``jobs`` worker
  processes (:class:`concurrent.futures.ProcessPoolExecutor`);
- ``"dask"``: the workers of a `Dask distributed <https://distributed.dask.org>`_
  cluster — a :class:`distributed.LocalCluster` started for the run, or an
  existing cluster given by its scheduler address or a ``Client``.

Dask is an optional extra (``pip install 'rhetoric[dask]'``); without it the
local engine works and asking for Dask raises :class:`MissingOptionalDependency`
naming the extra.

>>> list(map_chunks(sum, iter([[1, 2], [3], [4, 5, 6]])))
[3, 3, 15]
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = [
    "ENGINES",
    "DASK_EXTRA_HINT",
    "MissingOptionalDependency",
    "default_jobs",
    "import_distributed",
    "import_dask_dataframe",
    "dask_client",
    "dask_workers",
    "map_chunks",
]

T = TypeVar("T")
R = TypeVar("R")

ENGINES: tuple[str, ...] = ("local", "dask")

#: How to get the optional Dask engine; part of every "missing Dask" message.
DASK_EXTRA_HINT = "install the optional extra with: pip install 'rhetoric[dask]'"


class MissingOptionalDependency(ImportError):
    """An optional extra of rhetoric (such as ``rhetoric[dask]``) is not installed."""


def default_jobs() -> int:
    """The number of CPU cores this process may use (at least 1).

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def import_distributed() -> Any:
    """The ``distributed`` module, or :class:`MissingOptionalDependency`
    saying which extra to install."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:
        raise MissingOptionalDependency(
            f"the Dask engine needs the packages dask and distributed ({exc}); {DASK_EXTRA_HINT}") from exc
    return distributed


def import_dask_dataframe() -> Any:
    """The ``dask.dataframe`` module, or :class:`MissingOptionalDependency`."""
    try:
        import dask.dataframe
    except ImportError as exc:
        raise MissingOptionalDependency(
            f"dask DataFrames need the packages dask[dataframe] ({exc}); {DASK_EXTRA_HINT}") from exc
    return dask.dataframe


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, *, jobs: int | None = None,
                dashboard: bool = False) -> Iterator[Any]:
    """A ``distributed.Client`` for the duration of the block.

    With ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) it
    connects to that running cluster. Without, it starts a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes (default:
    one per core) listening on the loopback interface only, with no
    dashboard unless ``dashboard=True``; the cluster stops when the block ends.
    """
    distributed = import_distributed()
    if scheduler:
        with distributed.Client(scheduler) as client:
            yield client
        return
    # Without a dashboard the scheduler still serves health checks over
    # HTTP: on the loopback interface, at a free port (not the usual 8787,
    # which another cluster on the machine may hold).
    http = {} if dashboard else {"scheduler_kwargs": {"dashboard": False, "dashboard_address": "127.0.0.1:0"}}
    with distributed.LocalCluster(
        n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address="127.0.0.1:8787" if dashboard else None, **http,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def dask_workers(client: Any) -> int:
    """How many tasks the cluster of ``client`` runs at once (its worker
    threads; at least 1)."""
    return max(1, sum(info.get("nthreads", 1) for info in client.scheduler_info()["workers"].values()))


def map_chunks(function: Callable[[T], R], chunks: Iterable[T], *, engine: str = "local", jobs: int = 1,
               client: Any = None, scheduler: str | None = None) -> Iterator[R]:
    """Yield ``function(chunk)`` for each chunk, in input order.

    ``function`` must be importable by name (a module-level function) when
    the work leaves this process. At most ``2 × workers`` chunks are in
    flight; the next chunk is read from ``chunks`` only when a slot frees.

    - ``engine="local"``, ``jobs=1``: in this process, one chunk at a time;
      ``jobs>1``: that many worker processes (none are started when the
      input holds a single chunk).
    - ``engine="dask"``: on ``client`` if given, else on the cluster at
      ``scheduler``, else on a LocalCluster of ``jobs`` workers.
    """
    if engine == "local":
        yield from _map_local(function, chunks, jobs)
    elif engine == "dask":
        if client is not None:
            yield from _map_dask(function, chunks, client)
        else:
            with dask_client(scheduler, jobs=jobs) as own_client:
                yield from _map_dask(function, chunks, own_client)
    else:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def _map_local(function: Callable[[T], R], chunks: Iterable[T], jobs: int) -> Iterator[R]:
    iterator = iter(chunks)
    first_two = list(itertools.islice(iterator, 2))
    if jobs <= 1 or len(first_two) < 2:
        for chunk in itertools.chain(first_two, iterator):
            yield function(chunk)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _ordered(pool.submit, function, itertools.chain(first_two, iterator), lambda: 2 * jobs)


def _map_dask(function: Callable[[T], R], chunks: Iterable[T], client: Any) -> Iterator[R]:
    def submit(fn: Callable[[T], R], chunk: T) -> Any:
        # The chunk goes straight to a worker rather than inside the task
        # (the scheduler would hold it, and warn when chunks are large);
        # hash=False / pure=False: equal chunks are still separate tasks.
        [data] = client.scatter([chunk], hash=False)
        return client.submit(fn, data, pure=False)

    # Re-read as the cluster grows or shrinks (scheduler_info is the client's cached copy).
    yield from _ordered(submit, function, chunks, lambda: 2 * dask_workers(client))


def _ordered(submit: Callable[..., Future], function: Callable[[T], R], chunks: Iterable[T],
             in_flight: Callable[[], int]) -> Iterator[R]:
    """Submit chunks, keep up to ``in_flight()`` pending, yield results in order."""
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(submit(function, chunk))
            while len(pending) >= max(1, in_flight()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
