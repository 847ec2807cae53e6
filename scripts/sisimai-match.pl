#!/usr/bin/env perl
# Times Sisimai's string matcher, Sisimai->match($string), over the benchmark mix: the same replies, in the
# same order, that ClassifyBenchmark classifies. Prints one line: version, replies, passes, wall seconds,
# replies per wall second and replies per CPU second (user + system time of this single-threaded process;
# the fairer figure on a busy machine).
#
#   perl scripts/sisimai-match.pl MIX.jsonl [SECONDS]
#
# MIX.jsonl holds one JSON string per line (java -cp bench/target/benchmarks.jar
# io.smtpverdict.bench.BenchFiles mix MIX.jsonl). Needs Sisimai (Debian: libsisimai-perl); JSON::PP and
# Time::HiRes ship with Perl.
use strict;
use warnings;
use JSON::PP;
use Time::HiRes qw(time);
use Sisimai;

my $file = shift or die "usage: $0 MIX.jsonl [SECONDS]\n";
my $seconds = shift // 10;
my $json = JSON::PP->new->utf8->allow_nonref;
open my $in, '<', $file or die "cannot read $file: $!\n";
my @replies = map { $json->decode($_) } grep { /\S/ } <$in>;
close $in;
die "no replies in $file\n" unless @replies;

# Warm-up pass: Sisimai loads its reason modules lazily on first use.
my %reasons;
$reasons{ Sisimai->match($_) // 'undef' }++ for @replies;

my ($passes, $count, $sink) = (0, 0, 0);
my $start = time;
my ($u0, $s0) = times;
my $elapsed = 0;
while ($elapsed < $seconds) {
    for my $r (@replies) {
        my $reason = Sisimai->match($r);
        $sink += length($reason // '');
    }
    $passes++;
    $count += @replies;
    $elapsed = time - $start;
}
my ($u1, $s1) = times;
my $cpu = ($u1 - $u0) + ($s1 - $s0);
printf "sisimai %s replies=%d passes=%d seconds=%.2f cpu_seconds=%.2f replies_per_s=%.0f replies_per_cpu_s=%.0f\n",
    Sisimai->version, scalar(@replies), $passes, $elapsed, $cpu, $count / $elapsed, $count / ($cpu || 1e-9);
