using System.Diagnostics;

namespace CommunityDomain.MassTesting.Planners;

/// <summary>
/// The household search's last pass on a compound of at most <see cref="MaxHouseholds"/> households still above its bound:
/// a local search that also accepts sideways changes. Each step relocates one household (any site, to any site and place)
/// or swaps two (between sites, or two places in one site's order), each drawn from a fixed-seed generator, and keeps the
/// change when the latest site finish does not rise. Its first walk starts from the plan it is given, the others from a
/// drawn assignment and order; the earliest plan seen wins.
/// </summary>
/// <remarks>
/// Why: the household search moves only the latest site's calls and keeps only strict gains, so it stops on a plateau where
/// the latest finish can fall only after another site's order changes at no gain (issue 15's verifier: a naive local search
/// of random restarts that keeps ties found an earlier plan on 18-25 of 120 small compounds). Deterministic: the generator's
/// seed is the compound's size. Bounded: up to <see cref="Walks"/> walks of <see cref="Steps"/> steps, each step replaying one or
/// two sites (from the call where the change begins, and only until the site passes the walk's latest finish, which already
/// rejects the change: waves28, the same walk at less cost; a site keeps its state before every call, at most
/// <see cref="MaxResumeLongs"/> longs), so its time grows with households times stations times walks x steps x 2; above <see cref="FullHouseholds"/>
/// households the walks are cut so that walks x households stays about <see cref="Walks"/> x <see cref="FullHouseholds"/>
/// (the CPU per compound stays about that of a 30-household one). Its size limit is its own, not the branch and bound's:
/// issue 15's verifier found the mean above 1.01 on 31-60 households, where only this walk found the earlier plans.
/// </remarks>
internal static class HouseholdDrift
{
    /// <summary>Most households for which the pass runs.</summary>
    internal const int MaxHouseholds = 100;

    /// <summary>Most households given all <see cref="Walks"/> walks; larger compounds get proportionally fewer.</summary>
    internal const int FullHouseholds = 30;

    /// <summary>Walks (at most <see cref="FullHouseholds"/> households): the first from the plan given, the others from drawn assignments.</summary>
    internal const int Walks = 48;

    /// <summary>Fewest walks on any compound the pass runs on.</summary>
    internal const int MinWalks = 12;

    /// <summary>The walks for a compound of <paramref name="households"/> households: walks x households held near constant.</summary>
    internal static int WalksFor(int households) =>
        households <= FullHouseholds ? Walks : Math.Max(MinWalks, Walks * FullHouseholds / households);

    /// <summary>Steps per walk.</summary>
    internal const int Steps = 3000;

    /// <summary>Most longs a site's replay keeps to resume from (2 MB): past it (thousands of stations) it replays from the start.</summary>
    internal const int MaxResumeLongs = 1 << 18;

    /// <summary>
    /// Searches from <paramref name="seq"/> (every site's one-household calls in calling order, finishing at
    /// <paramref name="finish"/> ticks); returns an assignment whose replayed finish is strictly earlier, with that finish
    /// (the walk replayed it, so the caller need not), or null.
    /// </summary>
    public static (List<CallGroup>[] Plan, long Finish)? Improve(SiteSpec[] sites, List<CallGroup>[] seq, long finish, long target, SiteQueue queue,
        CancellationToken cancellationToken, int? walks = null, int steps = Steps)
    {
        var households = seq.Sum(x => x.Count);
        if (households > MaxHouseholds || households < 2)
        {
            return null;
        }

        var people = seq.Sum(x => x.Sum(c => c.People));
        var walk = new Walk(sites, queue, (ulong)((households * 7919) + people), households, people);
        var all = seq.SelectMany(x => x).ToArray();
        walks ??= WalksFor(households);
        List<CallGroup>[]? best = null;
        for (var w = 0; w < walks && finish > target; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = w == 0 ? [.. seq.Select(x => x.ToList())] : walk.Drawn(all);
            var (reached, plan) = walk.Run(start, target, steps);
            if (reached < finish)
            {
                (finish, best) = (reached, plan);
            }
        }

        return best is null ? null : (best, finish);
    }

    private sealed class Walk(SiteSpec[] sites, SiteQueue queue, ulong seed, int households, int people)
    {
        private readonly long[] _finish = new long[sites.Length];
        private readonly Resumable[] _replays = [.. sites.Select(s => new Resumable(s, queue, households, people))];
        private XorShift64 _draws = new(seed);

        // A drawn assignment: every household to a drawn site, in a drawn order.
        public List<CallGroup>[] Drawn(CallGroup[] all)
        {
            var seq = sites.Select(_ => new List<CallGroup>()).ToArray();
            var order = all.ToArray();
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (var call in order)
            {
                seq[Next(sites.Length)].Add(call);
            }

            return seq;
        }

        public (long Finish, List<CallGroup>[] Plan) Run(List<CallGroup>[] seq, long target, int steps)
        {
            for (var s = 0; s < sites.Length; s++)
            {
                _finish[s] = _replays[s].Run(seq[s], 0, long.MaxValue);
            }

            var current = _finish.Max();
            var (best, bestPlan) = (current, seq.Select(x => x.ToList()).ToArray());
            var households = seq.Sum(x => x.Count);
            for (var step = 0; step < steps && best > target; step++)
            {
                var move = Draw(seq, households);
                var (s, t) = (move.From.Site, move.To.Site);
                if (!Replay(seq, move, current, out var fs, out var ft))
                {
                    Undo(seq, move);
                    continue;
                }

                var max = 0L;
                for (var u = 0; u < sites.Length; u++)
                {
                    max = Math.Max(max, u == s ? fs : u == t ? ft : _finish[u]);
                }

                // Kept, sideways too: the walk crosses plateaus where the latest finish falls only later.
                (_finish[s], current) = (fs, max);
                _finish[t] = s == t ? fs : ft;
                if (current < best)
                {
                    (best, bestPlan) = (current, seq.Select(x => x.ToList()).ToArray());
                }
            }

            return (best, bestPlan);
        }

        // The two sites' finishes after the change; false when one ends after `current` (every other site already ends by it),
        // the replays then reverted to the order before it. The receiving site first, and each replay resumes where the change
        // begins and stops once it passes `current`: a change that fails costs only what shows it (waves28; the same
        // decisions, so the same walk, as replaying both sites whole).
        private bool Replay(List<CallGroup>[] seq, (bool Relocate, (int Site, int Place) From, (int Site, int Place) To) move, long current,
            out long fs, out long ft)
        {
            var (s, t) = (move.From.Site, move.To.Site);
            var (from, to) = s == t ? (Math.Min(move.From.Place, move.To.Place), -1) : (move.From.Place, move.To.Place);
            ft = s == t ? 0 : _replays[t].Run(seq[t], to, current);
            fs = ft > current ? long.MaxValue : _replays[s].Run(seq[s], from, current);
            if (fs <= current)
            {
                return true;
            }

            if (s != t)
            {
                _replays[t].Revert(to);
            }

            if (ft <= current)
            {
                _replays[s].Revert(from);
            }

            return false;
        }

        // One drawn change, applied: a household relocated to a drawn site and place, or two households swapped.
        private (bool Relocate, (int Site, int Place) From, (int Site, int Place) To) Draw(List<CallGroup>[] seq, int households)
        {
            var from = Locate(seq, Next(households));
            if (Next(2) == 0)
            {
                var t = Next(sites.Length);
                var call = seq[from.Site][from.Place];
                seq[from.Site].RemoveAt(from.Place);
                var j = Next(seq[t].Count + 1);
                seq[t].Insert(j, call);
                return (true, from, (t, j));
            }

            var to = Locate(seq, Next(households));
            (seq[from.Site][from.Place], seq[to.Site][to.Place]) = (seq[to.Site][to.Place], seq[from.Site][from.Place]);
            return (false, from, to);
        }

        private static void Undo(List<CallGroup>[] seq, (bool Relocate, (int Site, int Place) From, (int Site, int Place) To) move)
        {
            var (from, to) = (move.From, move.To);
            if (move.Relocate)
            {
                var call = seq[to.Site][to.Place];
                seq[to.Site].RemoveAt(to.Place);
                seq[from.Site].Insert(from.Place, call);
            }
            else
            {
                (seq[from.Site][from.Place], seq[to.Site][to.Place]) = (seq[to.Site][to.Place], seq[from.Site][from.Place]);
            }
        }

        // The site and place of the k-th call, counting site by site.
        private static (int Site, int Place) Locate(List<CallGroup>[] seq, int k)
        {
            var s = 0;
            while (k >= seq[s].Count)
            {
                k -= seq[s].Count;
                s++;
            }

            return (s, k);
        }

        private int Next(int bound) => _draws.Next(bound);
    }

    /// <summary>
    /// One site's replay, resumable where a change begins: the arithmetic of <see cref="SiteQueue.Run"/> (first come, first
    /// served; a call lands once the queue has room, no earlier than the one before nor the walk-down; a person goes to the
    /// first station free earliest), done eagerly, with the state before every call kept (the stations' free times, the
    /// last landing, the finish so far, the people before), so a change at call p replays calls p and after only.
    /// </summary>
    /// <remarks>
    /// Why eagerly gives the same times: <see cref="SiteQueue"/> starts people lazily, but always the head of the line on the
    /// first station free earliest, so the starts are the same whenever they are decided; a call that must wait for room
    /// lands at the start of the person `room` places before the line's end (starts never fall along the line, and one
    /// started for an earlier call is already covered by that call's landing). Waves28: the walk replays one or two sites a
    /// step, 144,000 steps on a small compound; a change falls anywhere in a site's order, so on average half is replayed.
    /// </remarks>
    internal sealed class Resumable
    {
        private readonly int _stations;
        private readonly int _capacity;
        private readonly long _walkDown;
        private readonly long _qr;
        private readonly long _typed;
        private readonly long _assisted;
        private readonly long[] _free;
        private readonly long[] _starts;
        private readonly long[] _kept;
        private readonly int _stride;
        private int _valid;

        /// <summary>A replay for <paramref name="site"/> of at most <paramref name="calls"/> calls and <paramref name="people"/> people.</summary>
        public Resumable(SiteSpec site, SiteQueue queue, int calls, int people)
        {
            (_stations, _capacity, _walkDown) = (site.Stations, site.QueueCapacity, site.WalkDown.BclCompatibleTicks);
            (_qr, _typed, _assisted) = (queue.QrCode, queue.Typed, queue.Assisted);
            _free = new long[_stations];
            _starts = new long[people];
            _stride = _stations + 3;
            _kept = (long)(calls + 1) * _stride <= MaxResumeLongs ? new long[(calls + 1) * _stride] : [];
        }

        /// <summary>
        /// The site's finish with <paramref name="calls"/>, whose first <paramref name="from"/> calls are those of the order
        /// last replayed (or kept by <see cref="Revert"/>); once the finish so far passes <paramref name="limit"/> it returns
        /// that (a value above the limit, below the full finish or equal to it), and the rest is not replayed.
        /// </summary>
        public long Run(List<CallGroup> calls, int from, long limit)
        {
            var g = _kept.Length == 0 ? 0 : Math.Min(from, _valid);
            long last, finish;
            int count;
            if (g == 0)
            {
                Array.Clear(_free);
                (last, finish, count) = (_walkDown, 0, 0);
            }
            else
            {
                var at = g * _stride;
                Array.Copy(_kept, at, _free, 0, _stations);
                (last, finish, count) = (_kept[at + _stations], _kept[at + _stations + 1], (int)_kept[at + _stations + 2]);
            }

            for (; g < calls.Count; g++)
            {
                Keep(g, last, finish, count);
                var call = calls[g];
                var room = _capacity - call.People;
                Debug.Assert(room >= 0, "every household fits every site's queue (the problem checks it)");
                last = count > room ? Math.Max(last, _starts[count - room - 1]) : last;
                foreach (var h in call.Households)
                {
                    finish = Serve(last, _assisted, h.Assisted, finish, ref count);
                    finish = Serve(last, _typed, h.Typed, finish, ref count);
                    finish = Serve(last, _qr, h.QrCode, finish, ref count);
                }

                if (finish > limit)
                {
                    // Checkpoints after g were not written for this order.
                    _valid = g;
                    return finish;
                }
            }

            Keep(calls.Count, last, finish, count);
            _valid = calls.Count;
            return finish;
        }

        /// <summary>The order last replayed was undone back to one that agrees with it before call <paramref name="from"/>.</summary>
        public void Revert(int from) => _valid = Math.Min(_valid, from);

        private void Keep(int g, long last, long finish, int count)
        {
            if (_kept.Length == 0)
            {
                return;
            }

            var at = g * _stride;
            Array.Copy(_free, 0, _kept, at, _stations);
            (_kept[at + _stations], _kept[at + _stations + 1], _kept[at + _stations + 2]) = (last, finish, count);
        }

        // `people` people of one service length, arrived at `arrival`, each on the first station free earliest.
        private long Serve(long arrival, long service, int people, long finish, ref int count)
        {
            for (var i = 0; i < people; i++)
            {
                var k = 0;
                for (var j = 1; j < _stations; j++)
                {
                    k = _free[j] < _free[k] ? j : k;
                }

                var start = Math.Max(_free[k], arrival);
                _starts[count++] = start;
                _free[k] = start + service;
                finish = Math.Max(finish, _free[k]);
            }

            return finish;
        }
    }
}
