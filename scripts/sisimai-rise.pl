#!/usr/bin/env perl
# Times Sisimai's whole pipeline over a directory of bounce emails: each .eml parsed and decoded
# (Sisimai->rise in Sisimai 5, Sisimai->make in Sisimai 4), the same files EmailBenchmark reads. Prints one
# line: version, emails, passes, wall seconds, emails per wall second and per CPU second (user + system
# time of this single-threaded process; the fairer figure on a busy machine).
#
#   perl scripts/sisimai-rise.pl DIR [SECONDS]
#
# Needs Sisimai (Debian: libsisimai-perl); Time::HiRes ships with Perl.
use strict;
use warnings;
use Time::HiRes qw(time);
use Sisimai;

my $dir = shift or die "usage: $0 DIR [SECONDS]\n";
my $seconds = shift // 10;
opendir my $dh, $dir or die "cannot read $dir: $!\n";
my @files = map { "$dir/$_" } sort grep { /\.eml\z/ } readdir $dh;
closedir $dh;
die "no .eml files in $dir\n" unless @files;
my $run = Sisimai->can('rise') ? sub { Sisimai->rise($_[0]) } : sub { Sisimai->make($_[0]) };

# Warm-up pass: Sisimai loads its MTA modules lazily on first use.
$run->($_) for @files;

my ($passes, $count, $sink) = (0, 0, 0);
my $start = time;
my ($u0, $s0) = times;
my $elapsed = 0;
while ($elapsed < $seconds) {
    for my $f (@files) {
        my $out = $run->($f);
        $sink += $out ? scalar @$out : 0;
    }
    $passes++;
    $count += @files;
    $elapsed = time - $start;
}
my ($u1, $s1) = times;
my $cpu = ($u1 - $u0) + ($s1 - $s0);
printf "sisimai %s emails=%d passes=%d seconds=%.2f cpu_seconds=%.2f emails_per_s=%.1f emails_per_cpu_s=%.1f\n",
    Sisimai->version, scalar(@files), $passes, $elapsed, $cpu, $count / $elapsed, $count / ($cpu || 1e-9);
