#!/usr/bin/env bash
# Renders build/icon.svg into every icon the installers need (commit the outputs):
#   build/icon.png            1024×1024 (electron-builder's source and macOS fallback)
#   build/icons/<N>x<N>.png   16…1024 for Linux (AppImage, deb: hicolor sizes)
#   build/icon.ico            16, 24, 32, 48, 64, 128, 256 for Windows (nsis, exe)
#   build/icon.icns           16…1024 for macOS (dmg, zip)
# Needs rsvg-convert (Debian: librsvg2-bin) and png2icns (Debian: icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in rsvg-convert png2icns; do
  command -v "$tool" > /dev/null || { echo "make-icons: $tool is missing (sudo apt-get install librsvg2-bin icnsutils)" >&2; exit 1; }
done
mkdir -p build/icons
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" build/icon.svg --output "build/icons/${size}x${size}.png"
done
cp build/icons/1024x1024.png build/icon.png
node scripts/write-ico.mjs build/icon.ico build/icons/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}.png
png2icns build/icon.icns build/icons/{16x16,32x32,48x48,128x128,256x256,512x512,1024x1024}.png > /dev/null
echo "make-icons: wrote build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png"
