"""Site configuration (site.yaml), typed and validated with precise messages."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from partyorg_site.errors import ArticleError


@dataclass
class SiteConfig:
    title: str = "Lưu trữ công tác tổ chức xây dựng Đảng"
    description: str = "Tin bài về công tác tổ chức xây dựng Đảng: giao ban, tổng kết, cụm thi đua, nghị quyết, chỉ thị."
    base_url: str = "/"
    site_url: str = ""  # absolute origin for feeds and sitemap, e.g. https://example.github.io
    language: str = "vi"
    articles: str = "articles"
    output: str = "_site"
    templates: str = "templates"
    static: str = "static"
    cache: str = ".partyorg-cache"
    per_page: int = 20
    database_bodies: bool = False  # data/archive.sqlite: add the articles' bodies, with a full-text index
    root: Path = Path(".")

    def path(self, name: str) -> Path:
        return (self.root / getattr(self, name)).resolve()

    def templates_folder(self) -> Path:
        """The templates' folder, or a message naming it where it is missing (a build run
        outside the project's folder with no site.yaml: Jinja's error would be a traceback)."""
        folder = self.path("templates")
        if not folder.is_dir():
            raise ArticleError(f"{folder}: templates folder not found; run from the project's folder, "
                               f"or set 'templates:' in site.yaml to the folder holding index.html")
        return folder


def normalize_base_url(value: str) -> str:
    """"/repo" -> "/repo/"; "" -> "/". Always a path, starting and ending with "/"."""
    value = (value or "/").strip()
    if "://" in value:
        raise ValueError(f"base_url must be a path such as /partyorg-archive/, not a full URL ({value!r}); "
                         "put the origin in site_url")
    return "/" + value.strip("/") + "/" if value.strip("/") else "/"


def load_config(path: str | Path, overrides: dict | None = None) -> SiteConfig:
    """Read site.yaml (optional) and apply command-line overrides."""
    path = Path(path)
    config = SiteConfig(root=path.parent if path.parent != Path("") else Path("."))
    known = {f.name for f in fields(SiteConfig)} - {"root"}
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ArticleError(f"{path}: must be a mapping of 'key: value' lines")
        for key, value in data.items():
            if key not in known:
                raise ArticleError(f"{path}: unknown key {key!r}; valid keys: {', '.join(sorted(known))}")
            expected = type(getattr(config, key))
            if not isinstance(value, expected):
                raise ArticleError(f"{path}: {key!r} must be {expected.__name__}, got {value!r}")
            setattr(config, key, value)
    for key, value in (overrides or {}).items():
        if value is not None:
            setattr(config, key, value)
    try:
        config.base_url = normalize_base_url(config.base_url)
    except ValueError as exc:
        raise ArticleError(f"{path}: {exc}") from None
    if config.per_page < 1:
        raise ArticleError(f"{path}: per_page must be at least 1")
    return config
