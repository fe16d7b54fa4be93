"""The kiosk's side of TUF: fetch and verify the newest signed file set of a channel.

ngclient does the checking (signatures, versions, expiry, lengths and hashes); this module picks the
channel's targets, keeps verified files in a cache so an unchanged file is never fetched twice, and turns
every way an update can fail into one FleetError that staff can read.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import urllib3
from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Targets
from tuf.ngclient import Updater, Urllib3Fetcher

from kiosk.fleet import fleet_owned

log = logging.getLogger(__name__)

OFFLINE = "Geen verbinding met de updateserver"
STALLED = "De updateserver reageert niet (download vastgelopen)"
CUT_OFF = "De download brak af"
TAMPERED_FILE = "Bestand klopt niet met de handtekening (mogelijk gemanipuleerd)"
TAMPERED_METADATA = "Handtekening van de updategegevens klopt niet (mogelijk gemanipuleerd)"
ROLLBACK = "Oudere versie aangeboden dan al bekend (terugrol geweigerd)"
FROZEN = "Gegevens verlopen: de server publiceert niet meer (freeze)"
NOT_ON_SERVER = "Dit kanaal heeft geen inhoud op de updateserver"
DISK = "De update kan niet op de kiosk worden opgeslagen"
FAILED = "De update is mislukt (details in het logboek)"
NO_ROOT = "De vertrouwde sleutel (root.json) ontbreekt op de kiosk"


class FleetError(Exception):
    """Why an update was not taken. `.reason` is plain Dutch for staff status; str(e) is English for the
    log."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Update:
    version: int  # the targets metadata version this file set comes from
    files: dict[str, Path]  # relative content path -> verified local file (in the client's cache)
    downloaded_bytes: int  # bytes fetched over the network by this check (metadata + targets)
    expires: dt.datetime  # the earliest expiry of the trusted timestamp/snapshot/targets (UTC)


class _CountingFetcher(Urllib3Fetcher):
    """ngclient's own fetcher, counting the bytes it receives; its socket timeout bounds both the wait for
    a connection and every gap between two received chunks, so a stalled server fails in `timeout_s`."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(app_user_agent="wachtkamer-kiosk")
        # tuf annotates the timeout as int; urllib3 takes fractions of a second, which the tests use.
        self.socket_timeout = timeout_s  # type: ignore[assignment]
        self.received = 0

    def _fetch(self, url: str) -> Iterator[bytes]:
        return self._counted(super()._fetch(url))

    def _counted(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.received += len(chunk)
            yield chunk


def check_for_update(
    url: str,
    channel: str,
    metadata_dir: Path,
    cache_dir: Path,
    now: dt.datetime | None = None,
    timeout_s: float = 30,
) -> Update:
    """The channel's newest verified file set. Blocking (network): call it off the GUI thread.

    `metadata_dir` starts with the trusted root.json from the site's bundle and keeps the metadata ngclient
    trusts since; `now` is the kiosk's clock, against which expiry is judged."""
    if not (metadata_dir / "root.json").is_file():
        raise FleetError(NO_ROOT, f"no trusted root.json in {metadata_dir}")
    fetcher = _CountingFetcher(timeout_s)
    base = url.rstrip("/")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        updater = Updater(
            str(metadata_dir),
            f"{base}/metadata/",
            str(cache_dir),
            f"{base}/targets/",
            fetcher,
            bootstrap=None,
        )
        trusted = updater._trusted_set  # ngclient reads the wall clock once; the kiosk's clock is `now`
        trusted.reference_time = (now or dt.datetime.now()).astimezone(dt.UTC)  # naive: the local clock
        updater.refresh()
        targets: Targets = trusted.targets
        prefix = f"{channel}/"
        files: dict[str, Path] = {}
        for name in sorted(n for n in targets.targets if n.startswith(prefix)):
            if not fleet_owned(name.removeprefix(prefix)):  # signed, yet never the site's own files
                log.warning("update offers %s, which is not the fleet's to replace: skipped", name)
                continue
            info = updater.get_targetinfo(name)
            assert info is not None  # listed by the very metadata get_targetinfo reads
            local = updater.find_cached_target(info) or updater.download_target(info)
            files[name.removeprefix(prefix)] = Path(local)
    except Exception as err:
        raise _explained(err, url) from err
    if not files:
        raise FleetError(NOT_ON_SERVER, f"channel {channel!r} has no targets at {url}")
    _forget_others(cache_dir, channel, set(files.values()))
    expires = min(trusted.timestamp.expires, trusted.snapshot.expires, targets.expires)
    return Update(targets.version, files, fetcher.received, expires)


def _forget_others(cache_dir: Path, channel: str, kept: set[Path]) -> None:
    """Cached files of this channel that its newest version no longer has: removed or replaced."""
    own = quote(f"{channel}/", safe="")  # ngclient names a cached file by its quoted target name
    try:
        for path in cache_dir.iterdir():
            if path.name.startswith(own) and path not in kept:
                path.unlink()
    except OSError as err:  # a cache that keeps a stale file costs disk space, not correctness
        log.warning("cannot tidy the update cache %s: %s", cache_dir, err)


def _explained(err: Exception, url: str) -> FleetError:
    """One FleetError for whatever ngclient, urllib3 or the disk raised: the cause chain decides."""
    chain = list(_causes(err))
    if any(_no_connection(cause) for cause in chain):
        return FleetError(OFFLINE, f"cannot reach update server {url}: {err}")
    for cause in chain:
        if isinstance(cause, tuf_errors.DownloadHTTPError):
            return FleetError(
                f"De updateserver gaf een fout ({cause.status_code})",
                f"update server {url} answered HTTP {cause.status_code}",
            )
        if isinstance(cause, tuf_errors.SlowRetrievalError):
            return FleetError(STALLED, f"update server {url} stalled (no data within the timeout)")
        if isinstance(cause, urllib3.exceptions.ProtocolError):
            return FleetError(CUT_OFF, f"download from {url} was cut off: {cause}")
        if isinstance(cause, tuf_errors.BadVersionNumberError):
            return FleetError(ROLLBACK, f"rollback refused: {cause}")
        if isinstance(cause, tuf_errors.ExpiredMetadataError):
            return FleetError(FROZEN, f"metadata expired (freeze, or a wrong kiosk clock): {cause}")
        if isinstance(cause, tuf_errors.LengthOrHashMismatchError | tuf_errors.DownloadLengthMismatchError):
            return FleetError(TAMPERED_FILE, f"a file does not match its signed length and hash: {cause}")
        if isinstance(cause, tuf_errors.RepositoryError):
            return FleetError(TAMPERED_METADATA, f"metadata failed verification: {cause}")
        if isinstance(cause, urllib3.exceptions.HTTPError):
            return FleetError(OFFLINE, f"cannot reach update server {url}: {cause}")
    if isinstance(err, OSError):
        return FleetError(DISK, f"cannot store the update: {err}")
    return FleetError(FAILED, f"update from {url} failed: {err!r}")


def _no_connection(cause: BaseException) -> bool:
    """Refused, unknown host or no answer to connecting. (urllib3 counts a refused connection as a connect
    timeout, and ngclient turns every timeout into SlowRetrievalError: the cause tells them apart.)"""
    if isinstance(cause, urllib3.exceptions.MaxRetryError):
        cause = cause.reason or cause
    return isinstance(cause, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError)


def _causes(err: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = err
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__
