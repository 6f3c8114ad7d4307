"""The command line: a thin layer over the library.

Library errors (:class:`~storyline.errors.StorylineError`) become one-line
messages here, at the edge: ``path: CODE reason``. A run over many inputs goes
on past bad ones and exits 1 at the end if any failed; configuration errors
exit 2.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from .errors import ConfigError, StorylineError
from .settings import SETTINGS, Config, settings_markdown

LOGGER = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def settings_options(*names: str) -> Callable[[F], F]:
    """Click options derived from :data:`~storyline.settings.SETTINGS` (all of them, or ``names``)."""

    def decorate(func: F) -> F:
        for setting in reversed(SETTINGS):
            if names and setting.name not in names:
                continue
            flag = "--" + setting.name.replace("_", "-")
            if setting.type is bool:
                decl = f"{flag}/--no-{setting.name.replace('_', '-')}"
                func = click.option(decl, setting.name, default=None, help=f"{setting.help} [env {setting.env}]")(func)
            else:
                func = click.option(flag, setting.name, type=setting.type, default=None,
                                    help=f"{setting.help} [env {setting.env}; default {setting.default!r}]")(func)
        return func

    return decorate


def make_config(kwargs: dict[str, Any]) -> Config:
    names = {s.name for s in SETTINGS}
    return Config.load({k: kwargs.pop(k) for k in list(kwargs) if k in names})


def fail(err: StorylineError) -> None:
    click.echo(f"error: {err.message}", err=True)


class Progress:
    """Progress on stderr for long runs (a line per item when not a terminal)."""

    def __init__(self, total: int | None, label: str, enabled: bool = True) -> None:
        self.total, self.label, self.done, self.enabled = total, label, 0, enabled

    def step(self, note: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        total = f"/{self.total}" if self.total else ""
        end = "\r" if sys.stderr.isatty() else "\n"
        click.echo(f"{self.label} {self.done}{total} {note}"[:160], err=True, nl=False)
        click.echo(end, err=True, nl=False)

    def close(self) -> None:
        if self.enabled and sys.stderr.isatty() and self.done:
            click.echo("", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
@click.option("-v", "--verbose", count=True, help="more log output (-v info, -vv debug)")
def main(verbose: int) -> None:
    """storyline: who claims what, through whom, how firmly, about which places and dates."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _count_inputs(paths: tuple[str, ...]) -> int | None:
    from .ingest.sources import iter_paths

    if "-" in paths:
        return None
    return sum(1 for _ in iter_paths(paths))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="publication date (YYYY-MM-DD) to anchor relative dates; overrides the page's")
@click.option("--format", "fmt", type=click.Choice(["brief", "json"]), default="brief", show_default=True)
@settings_options()
def read(paths: tuple[str, ...], published: str | None, fmt: str, **kwargs: Any) -> None:
    """Read articles (text dumps, HTML, .html.gz, directories, - for stdin) and print their records."""
    from .brief import article_brief
    from .read import read_paths

    failed = 0
    try:
        config = make_config(kwargs)
        first = True
        for outcome in read_paths(paths, published=published, config=config):
            if outcome.error is not None:
                failed += 1
                fail(outcome.error)
                continue
            assert outcome.article is not None
            if fmt == "json":
                click.echo(json.dumps(outcome.article.to_dict(), ensure_ascii=False))
            else:
                if not first:
                    click.echo("")
                click.echo(article_brief(outcome.article))
            first = False
    except ConfigError as err:
        fail(err)
        sys.exit(2)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="publication date (YYYY-MM-DD) for inputs that state none")
@click.option("--quiet", "-q", is_flag=True, help="no progress lines")
@settings_options()
def ingest(paths: tuple[str, ...], published: str | None, quiet: bool, **kwargs: Any) -> None:
    """Read articles and store their records in the database (idempotent: keyed by content hash)."""
    from .read import read_paths
    from .store import open_store

    failed = new = same = 0
    try:
        config = make_config(kwargs)
        progress = Progress(_count_inputs(paths), "ingest", enabled=not quiet)
        with open_store(config.db) as store:
            for outcome in read_paths(paths, published=published, config=config):
                if outcome.error is not None:
                    failed += 1
                    fail(outcome.error)
                    progress.step(f"{outcome.path} failed")
                    continue
                assert outcome.article is not None
                try:
                    is_new = store.upsert_article(outcome.article)
                except StorylineError as err:
                    failed += 1
                    fail(err)
                    continue
                new, same = new + is_new, same + (not is_new)
                progress.step(outcome.path)
            progress.close()
            linked = store.relink_stories() if hasattr(store, "relink_stories") else None
    except ConfigError as err:
        fail(err)
        sys.exit(2)
    except StorylineError as err:
        fail(err)
        sys.exit(1)
    summary = f"{new} new, {same} unchanged, {failed} failed"
    if linked is not None:
        summary += f"; {linked} stories"
    click.echo(summary, err=True)
    if failed:
        sys.exit(1)


@main.command()
@settings_options("db")
def articles(**kwargs: Any) -> None:
    """List the stored articles."""
    from .store import open_store

    try:
        config = make_config(kwargs)
        with open_store(config.db) as store:
            rows = store.list_articles()
    except StorylineError as err:
        fail(err)
        sys.exit(2 if isinstance(err, ConfigError) else 1)
    for row in rows:
        click.echo(f"{row.id[:12]}  {(row.published or '?')[:10]:<10}  {(row.agency or row.outlet or '-')[:22]:<22}  "
                   f"{row.title or '(untitled)'}")
    click.echo(f"{len(rows)} articles", err=True)


@main.command()
@settings_options("db")
def brief(**kwargs: Any) -> None:
    """Print the brief of each stored story (what is new, repeated or changed, and who says so)."""
    from .store import open_store
    from .story.brief import story_brief

    try:
        config = make_config(kwargs)
        with open_store(config.db) as store:
            stories = store.list_stories()
            for i, story in enumerate(stories):
                if i:
                    click.echo("")
                click.echo(story_brief([store.get_article(a) for a in story.article_ids], story))
    except StorylineError as err:
        fail(err)
        sys.exit(1)


EVALS = {
    "attributions": "storyline.eval.attributions",
    "events": "storyline.eval.events",
    "times": "storyline.eval.times",
    "coref": "storyline.eval.coref",
    "extraction": "storyline.eval.extraction",
    "throughput": "storyline.eval.throughput",
    "stories": "storyline.eval.stories",
    "seed": "storyline.eval.seed",
}


@main.command("eval")
@click.argument("name", type=click.Choice(sorted(EVALS)))
@click.argument("path", required=False)
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
@click.option("--records", is_flag=True,
              help="attributions: score the whole pipeline's records instead of the tagger alone")
@click.option("--limit", type=int, default=0, help="attributions, throughput: only the first N articles")
@settings_options()
def eval_cmd(name: str, path: str | None, as_json: bool, records: bool, limit: int, **kwargs: Any) -> None:
    """Evaluate: seed [FILE] (the gold reading), attributions DIR (PolNeAR layout), events FILE
    (PLOVER GSR), times FILE|DIR, coref DIR, extraction DIR (scrapinghub or readability),
    stories DIR, throughput DIR. PATH defaults to the usual data."""
    import importlib

    try:
        config = make_config(kwargs)
        module = importlib.import_module(EVALS[name])
        target = path or _default_eval_path(name)
        if name == "attributions" and records:
            result = module.evaluate_records(target, config, limit=limit)
        elif name in ("attributions", "throughput") and limit:
            result = module.evaluate(target, config, limit=limit)
        else:
            result = module.evaluate(target, config)
    except StorylineError as err:
        fail(err)
        sys.exit(1)
    click.echo(json.dumps(result, indent=1, default=str) if as_json else module.render(result))


def _default_eval_path(name: str) -> str:
    from .eval.paths import bench_dir, shared_dir

    return str({
        "attributions": shared_dir() / "bench" / "polnear" / "dev",
        "events": shared_dir() / "bench" / "plover" / "PLOVER_GSR_CAMEO.txt",
        "times": bench_dir() / "times",
        "coref": bench_dir() / "coref",
        "extraction": shared_dir() / "bench" / "scrapinghub",
        "throughput": shared_dir() / "bench" / "polnear" / "dev",
        "stories": shared_dir() / "bench" / "scrapinghub",
        "seed": shared_dir() / "seed" / "000_dd434dec23945da0.txt",
    }[name])


@main.group()
def train() -> None:
    """Rebuild storyline's trained models from ../shared data."""


@train.command("attributions")
@click.option("--train-dir", default=None, help="PolNeAR-layout training data [../shared/bench/polnear/train]")
@click.option("--dev-dir", default=None, help="PolNeAR-layout dev data [../shared/bench/polnear/dev]")
@click.option("--out", "out_dir", default=None, help="where to write the model [storyline/models/attribution]")
@click.option("--work-dir", default=None, help="checkpoints and converted data [training/attribution]")
@click.option("--max-minutes", type=float, default=60.0, show_default=True, help="wall-clock training budget")
def train_attributions(train_dir: str | None, dev_dir: str | None, out_dir: str | None, work_dir: str | None,
                       max_minutes: float) -> None:
    """Train the attribution tagger (source, cue, content spans) on PolNeAR train, tuned on dev."""
    from .eval.paths import REPO_DIR, shared_dir
    from .learn.attributions import export
    from .learn.attributions import train as do_train
    from .settings import PACKAGE_DIR

    polnear = shared_dir() / "bench" / "polnear"
    try:
        best = do_train(train_dir or str(polnear / "train"), dev_dir or str(polnear / "dev"),
                        work_dir or str(REPO_DIR / "training" / "attribution"), max_minutes=max_minutes)
        dest = export(best, out_dir or str(PACKAGE_DIR / "models" / "attribution"))
    except StorylineError as err:
        fail(err)
        sys.exit(1)
    click.echo(f"model written to {dest}; score it with: storyline eval attributions", err=True)


@main.command("settings")
@click.option("--markdown", is_flag=True, help="print the Markdown table of docs/settings.md")
def settings_cmd(markdown: bool) -> None:
    """Show the settings, their environment variables and current values."""
    if markdown:
        click.echo(settings_markdown(), nl=False)
        return
    config = Config.load()
    for s in SETTINGS:
        click.echo(f"{s.name:<18} {config.values[s.name]!r:<40} {s.env}")


if __name__ == "__main__":
    main()
