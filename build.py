"""`python build.py` is `partyorg-site build`: builds articles/ into _site/ with site.yaml."""
import sys

from partyorg_site.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
