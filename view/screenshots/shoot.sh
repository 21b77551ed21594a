#!/bin/sh
# Rebuilds the README's screenshots of dossier's views from the seed
# articles with Debian's headless Chromium. Run from the repository root:
#   sh view/screenshots/shoot.sh
set -eu
out=view/screenshots
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/dossier" ./cmd/dossier
"$tmp/dossier" run testdata/seeds --db "$tmp/seeds.db" --quiet
"$tmp/dossier" graph --db "$tmp/seeds.db" --out "$tmp/seeds.html"
"$tmp/dossier" graph --db "$tmp/seeds.db" --out "$tmp/seeds.svg"
"$tmp/dossier" serve --db "$tmp/seeds.db" --addr 127.0.0.1:8399 > "$tmp/serve.log" &
pid=$!
sleep 1
shot() { # FILE URL [WIDTH,HEIGHT]
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
		--window-size="${3:-1280,900}" --screenshot="$out/$1" "$2" 2>/dev/null
}
gladkov=$(sqlite3 "$tmp/seeds.db" "select id from entities where name = 'Vyacheslav Gladkov'")
doc=$(sqlite3 "$tmp/seeds.db" "select id from documents where path = '002_e428499bed9fc00c.txt'")
shot graph-file.png "file://$tmp/seeds.html"
shot graph-svg.png "file://$tmp/seeds.svg" 1000,1064
shot entities.png http://127.0.0.1:8399/
shot entity.png "http://127.0.0.1:8399/entity/$gladkov"
shot document.png "http://127.0.0.1:8399/doc/$doc"
shot graph-page.png "http://127.0.0.1:8399/graph#e$gladkov"
shot search.png "http://127.0.0.1:8399/search?q=drone*"
