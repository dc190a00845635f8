#!/usr/bin/env bash
# Copies the pages of AI suppliers that ../shared/data lacks out of four Open Terms Archive collections,
# at the commits our blind labels (eval/labels/unseen-vendors) were written against. The pages stay
# outside the repository, like ../shared/data.
#
#   scripts/fetch-unseen-vendor-terms.sh DEST [EU_CLONE [CONTRIB_CLONE [GENERAL_CLONE [P2B_CLONE [VLOPSES_CLONE]]]]]
#
# EU_CLONE, CONTRIB_CLONE, GENERAL_CLONE, P2B_CLONE and VLOPSES_CLONE are clones (or bare mirrors) of github.com/
# OpenTermsArchive/genai-eu-versions, genai-contrib-versions, contrib-versions (the general collection, for
# enterprise cloud and AI platform agreements), p2b-compliance-versions (platform-to-business terms, where the
# business user is in the buyer's position) and vlopses-us-versions (very large platforms' commercial, developer
# and processing terms); without them the script clones those repositories into a temporary folder.
set -euo pipefail
dest=${1:?usage: fetch-unseen-vendor-terms.sh DEST [EU_CLONE [CONTRIB_CLONE [GENERAL_CLONE [P2B_CLONE [VLOPSES_CLONE]]]]]}
eu_pages=(
  "DeepSeek/Terms of Service.md" "DeepSeek/Developer Terms.md" "DeepSeek/Privacy Policy.md"
  "Grok/Commercial Terms.md" "Grok/Terms of Service.md" "Grok/Acceptable Use Policy.md"
  "Meta AI/Terms of Service.md"
  "Perplexity/Terms of Service.md" "Perplexity/Data Processor Agreement.md"
  "Perplexity/Developer Terms.md" "Perplexity/Acceptable Use Policy.md"
  "Qwen Chat/Terms of Service.md" "Qwen Chat/Privacy Policy.md"
  "Grok/Privacy Policy.md" "Perplexity/Privacy Policy.md"
)
contrib_pages=(
  "Berget AI/Terms of Service.md" "Berget AI/Data Processor Agreement.md"
  "Midjourney/Terms of Service.md" "Together AI/Terms of Service.md" "Kimi AI/Terms of Service.md"
  "SambaNova/Terms of Service.md" "Intric/Terms of Service.md"
  "Jasper/Data Processor Agreement.md" "Replit/Terms of Service.md" "Stability AI/Terms of Service.md"
  "Lovable/Terms of Service.md" "OpenRouter/Terms of Service.md" "Fireworks AI/Terms of Service.md"
  "Sana/Data Processor Agreement.md" "Codeium/Terms of Service.md" "Berget AI/Service Level Agreement.md"
  "fal/Terms of Service.md" "Tempo Labs/Terms of Service.md" "Incredible/Terms of Service.md"
  "Wordtune/Terms of Service.md" "Pirr/Terms of Service.md"
  "Cursor/Terms of Service.md" "GitHub Copilot/Terms of Service.md" "Bolt.new/Terms of Service.md"
  "Airon/Terms of Service.md" "Murf/Terms of Service.md" "Sana/Service Level Agreement.md"
  "Copy.AI/Terms of Service.md" "SOUNDRAW/Terms of Service.md" "Bardeen/Terms of Service.md"
  "Scribe/Terms of Service.md" "Jasper/Terms of Service.md"
  "Jasper/Acceptable Use Policy.md" "Stability AI/Acceptable Use Policy.md" "Stability AI/Privacy Policy.md"
  "Pirr/Privacy Policy.md" "OpenRouter/Privacy Policy.md" "Nous Research chat/Terms of Service.md"
  "Rephrase.ai/Terms of Service.md"
  "Sana/Terms of Service.md" "Sana/Acceptable Use Policy.md" "Berget AI/Acceptable Use Policy.md"
  "Cursor/Privacy Policy.md" "Murf/Privacy Policy.md" "Together AI/Privacy Policy.md"
  "Codeium/Privacy Policy.md" "Midjourney/Privacy Policy.md"
  "Civitai/Terms of Service.md" "Civitai/Privacy Policy.md" "Replicate/Terms of Service.md"
  "Replicate/Privacy Policy.md" "Speechify/Terms of Service.md" "Tandem Health/Privacy Policy.md"
  "Bolt.new/Privacy Policy.md" "Airon/Privacy Policy.md" "SambaNova/Privacy Policy.md"
  "fal/Privacy Policy.md" "Intric/Privacy Policy.md" "Berget AI/Privacy Policy.md"
  "Midjourney/Community Guidelines.md"
  "Lovable/Privacy Policy.md" "Replit/Privacy Policy.md" "Scribe/Privacy Policy.md" "Wordtune/Privacy Policy.md"
  "Speechify/Privacy Policy.md"
  "xAI/Terms of Service.md" "xAI/Acceptable Use Policy.md" "xAI/Privacy Policy.md"
  "GitHub Copilot/Privacy Policy.md" "Sana/Privacy Policy.md"
  "Mistral AI/Data Processor Agreement.md" "OpenAI/Data Processor Agreement.md"
  "Bardeen/Privacy Policy.md" "Copy.AI/Privacy Policy.md" "Fireworks AI/Privacy Policy.md"
  "Incredible/Privacy Policy.md" "Jasper/Privacy Policy.md" "Nous Research chat/Privacy Policy.md"
  "Rephrase.ai/Privacy Policy.md" "SOUNDRAW/Privacy Policy.md" "Tempo Labs/Privacy Policy.md"
)
general_pages=(
  "Google Cloud Platform/Terms of Service.md" "Grammarly/Commercial Terms.md"
  "OVHcloud/Data Processor Agreement.md" "OVHcloud/Terms of Service.md"
  "Hugging Face/Terms of Service.md" "Zoom/Terms of Service.md" "Cloudflare/Terms of Service.md"
  "Jottacloud/Terms of Service.md"
  "Mailjet/Data Processor Agreement.md" "Linear/Terms of Service.md" "Limitless/Terms of Service.md"
  "Google APIs/Terms of Service.md" "Scalingo/Data Processor Agreement.md" "Miro/Terms of Service.md"
  "Google Antigravity/Terms of Service.md" "Bitwarden/Terms of Service.md"
  "Better Stack/Terms of Service.md" "Overleaf/Terms of Service.md" "SurveyMonkey/Terms of Service.md"
  "Evernote/Terms of Service.md"
  "Wire/Data Processor Agreement.md" "Tresorit/Terms of Service.md" "Hygraph/Terms of Service.md"
  "WPEngine/Data Controller Agreement.md"
  "WeTransfer/Data Processor Agreement.md" "Proctorio/Terms of Service.md" "PubMatic/Terms of Service.md"
  "Vimeo/Terms of Service.md"
  "Mullvad/Terms of Service.md" "Sonic.net/Terms of Service.md" "Flutterwave/Privacy Policy.md"
  "The Trade Desk/Privacy Policy.md"
  "Twitter/Data Processor Agreement.md" "AdRoll/Terms of Service.md" "Teads/Terms of Service.md"
  "WolframAlpha/Terms of Service.md"
  "Simpli.fi/Terms of Service.md" "Gartner/Terms of Service.md" "Facebook/Commercial Terms.md"
  "ironSource/Terms of Service.md"
  "Grammarly/Terms of Service.md" "ProtonMail/Terms of Service.md" "WeTransfer/Commercial Terms.md"
  "Facebook/Data Processor Agreement.md"
  "Twitter/Developer Terms.md" "Substack/Terms of Service.md" "Stack Overflow/Developer Terms.md"
  "WeChat Open Platform/Terms of Service.md"
  "Streamable/Terms of Service.md" "Kick/Premium Partner Conditions.md" "Epassi/Terms of Service.md"
  "Persumi/Terms of Service.md"
  "The Register/Terms of Service.md" "Criteo/Terms of Service.md" "Foursquare/Terms of Service.md"
  "Palia/Terms of Service.md"
  "HSBC/Terms of Service.md" "LibraryThing/Terms of Service.md" "Alpha Vantage/Terms of Service.md"
  "Zora/Terms of Service.md"
  "Verizon/Terms of Service.md" "Academia.edu/Terms of Service.md"
  "Coindesk/Terms of Service.md" "Ethereum/Terms of Service.md"
  "Wix/Terms of Service.md" "Palantir/Terms of Service.md"
  "W3Schools/Terms of Service.md" "MouthShut/Terms of Service.md"
  "LINE/Terms of Service.md" "Xfinity Residential Services/Terms of Service.md"
  "Coursera/Terms of Service.md" "The Mirror/Terms of Service.md"
  "Jacksfilms/Terms of Service.md" "Bluesky/Terms of Service.md"
  "VocabularySpellingCity/Terms of Service.md" "MediaFire/Terms of Service.md"
)
p2b_pages=(
  "Epic/Developer Terms.md" "Funda /Terms of Service.md" "MyTable/Terms of Service.md"
  "Alibaba.com/Marketplace Sellers Conditions.md"
  "ClassPass/Commercial Terms.md" "La Pajara/Terms of Service.md" "Deliveroo/Terms of Service.md"
  "eBay/Terms of Service.md"
  "Brenger/Commercial Terms.md" "Ask.com/Terms of Service.md" "CLASSGAP/Terms of Service.md"
  "Hlprs/Terms of Service.md"
  "Yahoo!/Terms of Service.md" "Thuisbezorgd/Commercial Terms.md"
  "Groupon Merchant/Terms of Service.md"
  "Preply/Terms of Service.md" "foodora/Commercial Terms.md"
  "Viedit/Terms of Service.md" "Samsung Galaxy Store/Commercial Terms.md"
  "Fairbnb.coop/Terms of Service.md" "GURUWALK/Terms of Service.md" "Fresha/Terms of Service.md"
  "ZVAB/Marketplace Sellers Conditions.md"
  "Flighttix/Commercial Terms.md" "Helpling/Commercial Terms.md"
  "Aptoide/Terms of Service.md" "Daft.ie/Terms of Service.md"
)
vlopses_pages=(
  "Telegram/Terms of Service.md" "TikTok/Commercial Terms.md" "Temu/Terms of Service.md"
  "Pinterest/Commercial Terms.md"
  "Shein/Data Processor Agreement.md" "Snapchat/Commercial Terms.md" "Wikipedia/Terms of Service.md"
)
temporary=$(mktemp -d)
trap 'rm -rf "$temporary"' EXIT

# copy NAME CLONE COMMIT PAGE…: the pages of collection NAME at COMMIT.
copy() {
  local name=$1 source=$2 commit=$3
  shift 3
  if [[ -z $source ]]; then
    source=$temporary/$name
    git clone --quiet --filter=blob:none --no-checkout "https://github.com/OpenTermsArchive/$name" "$source"
  fi
  git -C "$source" cat-file -e "$commit^{commit}" \
    || { echo "error: $source lacks commit $commit" >&2; exit 1; }
  for page in "$@"; do
    mkdir -p "$dest/$(dirname "$page")"
    git -C "$source" show "$commit:$page" >"$dest/$page"
  done
  git -C "$source" show "$commit:LICENSE" >"$dest/LICENSE-ODC-By.md"
  echo "copied $# pages of $name@${commit:0:7} into $dest"
}
copy genai-eu-versions "${2:-}" 4812532797e75d8bd27b308499e3e7972b41c7bc "${eu_pages[@]}"
copy genai-contrib-versions "${3:-}" 78f66748716ca25446cbd61f7243a587f23ed9f1 "${contrib_pages[@]}"
copy contrib-versions "${4:-}" d6fb386efcd5ef42d33090dfaf21d7b2cc748246 "${general_pages[@]}"
copy p2b-compliance-versions "${5:-}" 513a880dfbfe5f954a065801b1f77941fd89a2e9 "${p2b_pages[@]}"
copy vlopses-us-versions "${6:-}" 2d61653015b9f88bf3a91dddcc5f2cfae447682f "${vlopses_pages[@]}"
