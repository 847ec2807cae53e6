#!/usr/bin/env bash
# Scores smtp-verdict and Sisimai's string matcher on the labelled bounce corpus, side by side.
#
# usage: scripts/accuracy.sh [CORPUS_DIR]
#   CORPUS_DIR holds sisimai-dev.jsonl and score.py; default ../shared/corpus relative to the repository root.
#
# Our verdicts come from `./verdict classify --format jsonl` when the CLI launcher exists at the repository root;
# otherwise from the generic plugin's corpus test, which writes the same JSON lines to
# vendor-generic/target/accuracy/generic-verdicts.jsonl. Sisimai's come from `Sisimai->match` (Debian package
# libsisimai-perl), its reason mapped to our category as the verdict model's Sisimai column does.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus_dir="${1:-$root/../shared/corpus}"
corpus="$corpus_dir/sisimai-dev.jsonl"
score="$corpus_dir/score.py"
[[ -f "$corpus" && -f "$score" ]] || { echo "accuracy.sh: no sisimai-dev.jsonl and score.py in $corpus_dir" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One diagnostic a line, line breaks folded, exactly as the test and score.py expect.
python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        print(json.loads(line)["diagnostic"].replace("\n", " "))' "$corpus" > "$work/diagnostics.txt"

# --- ours ---------------------------------------------------------------------------------------------------
if [[ -x "$root/verdict" ]]; then
    ours_from="./verdict classify --format jsonl"
    (cd "$root" && ./verdict classify --format jsonl --input "$work/diagnostics.txt") > "$work/ours.jsonl"
else
    ours_from="CorpusAccuracyTest (generic plugin alone; the CLI launcher is not built)"
    (cd "$root" && ./mvnw -B -q -pl vendor-generic -am verify -Dtest=CorpusAccuracyTest \
        -Dsurefire.failIfNoSpecifiedTests=false > "$work/build.log" 2>&1) || {
        tail -40 "$work/build.log" >&2
        echo "accuracy.sh: the corpus test failed (its bars are in CorpusAccuracyTest)" >&2
        exit 1
    }
    cp "$root/vendor-generic/target/accuracy/generic-verdicts.jsonl" "$work/ours.jsonl"
fi

# --- Sisimai ------------------------------------------------------------------------------------------------
perl -MSisimai -e 1 2>/dev/null || { echo "accuracy.sh: install Sisimai first: apt-get install -y libsisimai-perl" >&2; exit 2; }
sisimai_version="$(perl -MSisimai -e 'print $Sisimai::VERSION')"
perl -MSisimai -ne 'chomp; my $r = Sisimai->match($_); print((defined $r ? $r : ""), "\n")' \
    "$work/diagnostics.txt" > "$work/sisimai-reasons.txt"
python3 - "$work/diagnostics.txt" "$work/sisimai-reasons.txt" > "$work/sisimai.jsonl" <<'PY'
import json, re, sys

# Sisimai reason -> our category: the verdict model's Sisimai column read backwards (section 3). Where several
# categories export as one reason, the one that reason usually means: networkerror -> NO_ANSWER_FROM_HOST,
# spamdetected -> SPAM_CONTENT, onhold -> TRANSIENT_OTHER. Sisimai 4 reasons the column does not use are mapped as
# the code defaults document them (securityerror and filtered as X.7.1 / X.2.0 policy, notaccept as null MX, ...).
CATEGORY = {
    "userunknown": "INVALID_RECIPIENT", "hasmoved": "INVALID_RECIPIENT", "suspend": "MAILBOX_INACTIVE",
    "hostunknown": "BAD_DOMAIN", "notaccept": "BAD_DOMAIN", "mailboxfull": "MAILBOX_FULL",
    "emailtoolarge": "MESSAGE_TOO_LARGE", "mesgtoobig": "MESSAGE_TOO_LARGE", "exceedlimit": "MESSAGE_TOO_LARGE",
    "systemerror": "REMOTE_SERVER_ERROR", "systemfull": "REMOTE_SERVER_ERROR", "mailererror": "REMOTE_SERVER_ERROR",
    "networkerror": "NO_ANSWER_FROM_HOST", "failedstarttls": "TLS_FAILURE", "expired": "MESSAGE_EXPIRED",
    "ratelimited": "RATE_LIMITED", "toomanyconn": "RATE_LIMITED", "speeding": "RATE_LIMITED",
    "spamdetected": "SPAM_CONTENT", "onhold": "TRANSIENT_OTHER", "authfailure": "AUTH_FAILURE",
    "requireptr": "AUTH_FAILURE", "norelaying": "RELAY_DENIED", "rejected": "INVALID_SENDER",
    "blocked": "REPUTATION_BLOCK", "badreputation": "REPUTATION_BLOCK", "virusdetected": "VIRUS_DETECTED",
    "contenterror": "CONTENT_REJECTED", "notcompliantrfc": "CONTENT_REJECTED", "policyviolation": "POLICY_BLOCK",
    "securityerror": "POLICY_BLOCK", "filtered": "POLICY_BLOCK", "syntaxerror": "PROTOCOL_ERROR",
    "suppressed": "SUPPRESSED", "vacation": "AUTOMATED_REPLY", "feedback": "RECIPIENT_OPT_OUT",
    "undefined": "UNCLASSIFIED", "": "UNCLASSIFIED", "delivered": None,
}
# Default outcome (P permanent, T transient) and advice of each category, from the model's section 3.
PERMANENT = {"INVALID_RECIPIENT", "BAD_DOMAIN", "MESSAGE_TOO_LARGE", "MESSAGE_EXPIRED", "RELAY_DENIED",
             "VIRUS_DETECTED", "CONTENT_REJECTED", "SUPPRESSED"}
TRANSIENT = {"MAILBOX_FULL", "DNS_FAILURE", "NO_ANSWER_FROM_HOST", "CONNECTION_LOST", "RATE_LIMITED",
             "TOO_MANY_RECIPIENTS", "GREYLISTED", "TRANSIENT_OTHER"}
SUPPRESS = {"INVALID_RECIPIENT", "MAILBOX_INACTIVE", "BAD_DOMAIN", "RECIPIENT_OPT_OUT"}
OUTCOME = {"2": "DELIVERED", "4": "DEFERRED", "5": "FAILED"}

for text, reason in zip(open(sys.argv[1], encoding="utf-8"), open(sys.argv[2], encoding="utf-8")):
    category = CATEGORY.get(reason.strip(), "UNCLASSIFIED")
    # Outcome as our model decides it: the reply's class digit, else the category's default.
    basic = re.search(r"(?<![\d.])([245])\d\d(?![\d.])", text)
    enhanced = re.search(r"(?<![\d.])([245])\.\d{1,3}\.\d{1,3}(?![\d.])", text)
    digit = basic.group(1) if basic else (enhanced.group(1) if enhanced else None)
    if digit:
        outcome = OUTCOME[digit]
    elif category in PERMANENT:
        outcome = "FAILED"
    elif category in TRANSIENT:
        outcome = "DEFERRED"
    else:
        outcome = "UNKNOWN"
    verdict = {"outcome": outcome, "advice": "SUPPRESS_RECIPIENT" if category in SUPPRESS else "REVIEW"}
    if category:
        verdict["category"] = category
    print(json.dumps(verdict))
PY

# --- score both ---------------------------------------------------------------------------------------------
python3 "$score" "$corpus" "$work/ours.jsonl" --misses 100 > "$work/ours.score"
python3 "$score" "$corpus" "$work/sisimai.jsonl" > "$work/sisimai.score"

echo "smtp-verdict ($ours_from)"
cat "$work/ours.score"
echo
echo "Sisimai $sisimai_version string matcher (Sisimai->match)"
cat "$work/sisimai.score"
echo
python3 - "$work/ours.score" "$work/sisimai.score" <<'PY'
import re, sys

def parse(path):
    text = open(path, encoding="utf-8").read()
    figures = {k: v for k, v in re.findall(r"^(category|hard|outcome):\s+\S+ = ([\d.]+)%", text, re.M)}
    reasons = {m[0]: (int(m[1]), int(m[2])) for m in re.findall(r"^  (\w+)\s+(\d+)\s+(\d+) \|", text, re.M)}
    return figures, reasons

ours, ours_r = parse(sys.argv[1])
sis, sis_r = parse(sys.argv[2])
print("| figure | smtp-verdict | Sisimai |")
print("| --- | ---: | ---: |")
for k in ("category", "hard", "outcome"):
    print(f"| {k} | {ours[k]}% | {sis[k]}% |")
print()
print("| expected reason | records | smtp-verdict right | Sisimai right |")
print("| --- | ---: | ---: | ---: |")
for reason, (n, ok) in sorted(ours_r.items(), key=lambda kv: (-kv[1][0], kv[0])):
    print(f"| {reason} | {n} | {ok} | {sis_r.get(reason, (n, 0))[1]} |")
PY
