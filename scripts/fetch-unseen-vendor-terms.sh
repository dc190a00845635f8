#!/usr/bin/env bash
# Copies the pages of the AI suppliers that ../shared/data lacks (DeepSeek, Grok, Meta AI,
# Perplexity, Qwen Chat) out of Open Terms Archive's genai-eu-versions collection, at the commit
# our blind labels (eval/labels/unseen-vendors) were written against. The pages stay outside the
# repository, like ../shared/data.
#
#   scripts/fetch-unseen-vendor-terms.sh DEST [SOURCE]
#
# SOURCE is a clone (or bare mirror) of github.com/OpenTermsArchive/genai-eu-versions; without it
# the script clones that repository into a temporary folder.
set -euo pipefail
dest=${1:?usage: fetch-unseen-vendor-terms.sh DEST [SOURCE]}
source=${2:-}
commit=4812532797e75d8bd27b308499e3e7972b41c7bc
pages=(
  "DeepSeek/Terms of Service.md" "DeepSeek/Developer Terms.md" "DeepSeek/Privacy Policy.md"
  "Grok/Commercial Terms.md" "Grok/Terms of Service.md" "Grok/Acceptable Use Policy.md"
  "Meta AI/Terms of Service.md"
  "Perplexity/Terms of Service.md" "Perplexity/Data Processor Agreement.md"
  "Perplexity/Developer Terms.md" "Perplexity/Acceptable Use Policy.md"
  "Qwen Chat/Terms of Service.md" "Qwen Chat/Privacy Policy.md"
)
if [[ -z $source ]]; then
  source=$(mktemp -d)
  trap 'rm -rf "$source"' EXIT
  git clone --quiet --filter=blob:none --no-checkout \
    https://github.com/OpenTermsArchive/genai-eu-versions "$source"
fi
git -C "$source" cat-file -e "$commit^{commit}" \
  || { echo "error: $source lacks commit $commit" >&2; exit 1; }
for page in "${pages[@]}"; do
  mkdir -p "$dest/$(dirname "$page")"
  git -C "$source" show "$commit:$page" >"$dest/$page"
done
git -C "$source" show "$commit:LICENSE" >"$dest/LICENSE-ODC-By.md"
echo "copied ${#pages[@]} pages of genai-eu-versions@${commit:0:7} into $dest"
