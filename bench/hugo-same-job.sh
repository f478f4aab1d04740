#!/bin/bash
# A copy of the team's ../shared/bench/hugo-same-job.sh, kept here so that the benchmark runs from a clone.
# Turn a benchmark Hugo twin into "Hugo doing hubgen's
# job": besides the site, every message gets two share images drawn with images.Text
# (1200x630 and 1080x1080 JPEG, q85), a press.txt and a social.json (7 platforms, truncated to
# their limits) as custom output formats -- what a Hugo user would write to get the same outputs.
# usage: hugo-same-job.sh HUGO_TWIN_DIR FONT.ttf   (a Hugo site whose single.html defines "main")
set -eu
D=$1; FONT=$2
mkdir -p "$D/assets/fonts" "$D/assets/share" "$D/layouts/_default"
cp "$FONT" "$D/assets/fonts/title.ttf"
python3 - "$D" <<'PY'
import sys, zlib, struct
d = sys.argv[1]
def png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(t, data): return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
png(f"{d}/assets/share/wide.png", 1200, 630, (18, 52, 86))
png(f"{d}/assets/share/square.png", 1080, 1080, (18, 52, 86))
PY
cat >>"$D/hugo.toml" <<'TOML'
[outputFormats.press]
mediaType = "text/plain"
baseName = "press"
isPlainText = true
[outputFormats.social]
mediaType = "application/json"
baseName = "social"
isPlainText = true
[outputs]
page = ["html", "press", "social"]
TOML
cat >"$D/layouts/_default/single.press.txt" <<'T'
{{ .Title }}

{{ .Date.Format "02.01.2006" }} – {{ .Summary }}

{{ .Plain }}

Über {{ site.Title }}
{{ site.Title }} misst.

###
T
cat >"$D/layouts/_default/single.social.json" <<'T'
{{- $url := .Permalink -}}
{{- $base := printf "%s" .Summary -}}
{{- $out := dict -}}
{{- range $p, $limit := dict "x" 280 "linkedin" 3000 "mastodon" 500 "bluesky" 300 "threads" 500 "instagram" 2200 "facebook" 63206 -}}
{{- $text := printf "%s %s" (truncate (sub $limit 30) $base) $url -}}
{{- $out = merge $out (dict $p (dict "text" $text "length" (strings.RuneCount $text))) -}}
{{- end -}}
{{- jsonify $out -}}
T
# share images from the single template: drawn, encoded and published per message
python3 - "$D/layouts/_default/single.html" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
img = '''{{ $font := resources.Get "fonts/title.ttf" }}
{{ $opts := dict "color" "#ffffff" "size" 64 "linespacing" 10 "x" 72 "y" 180 "font" $font }}
{{ $wide := (resources.Get "share/wide.png").Filter (images.Text .Title $opts) }}
{{ $wide = $wide.Process "jpg q85" }}
{{ $opts2 := dict "color" "#ffffff" "size" 64 "linespacing" 10 "x" 72 "y" 420 "font" $font }}
{{ $square := (resources.Get "share/square.png").Filter (images.Text .Title $opts2) }}
{{ $square = $square.Process "jpg q85" }}
<meta property="og:image" content="{{ $wide.Permalink }}"><meta property="og:image" content="{{ $square.Permalink }}">
'''
s = s.replace('{{ define "main" }}', '{{ define "main" }}' + img, 1)
open(p, "w").write(s)
PY
echo "Hugo twin in $D now does the same job (cold builds: rm -rf $D/resources $D/public)"
