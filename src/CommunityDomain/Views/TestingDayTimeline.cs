using System.Globalization;
using System.Text;
using CommunityDomain.Kernel;
using CommunityDomain.MassTesting.Planners;
using NodaTime.Text;

namespace CommunityDomain.Views;

/// <summary>
/// One testing day as an SVG picture: per site, the call waves as bars on a time axis and the queue length over
/// time against the site's queue capacity; across all sites, the expected finish against the lower bound.
/// </summary>
/// <remarks>
/// <para>A wave's bar runs from its loudspeaker call to the moment its last person has been swabbed, labelled with
/// its building (and unit) id when it is wide enough; overlapping waves are stacked. Every bar is a <c>rect</c> of
/// class <c>wave</c> with a tooltip (<c>title</c>) holding the loudspeaker call in the labels' culture (<see cref="Announcements.Call(MassTesting.Planners.WaveCall, MassTesting.Planners.WaveProblem, Labels)"/>).</para>
/// <para><see cref="WavePlan"/> gives calls and finishes but no queue over time, so the view recomputes it with the
/// planner's queue model: a call's people arrive together at call time + walk-down, are served first come first
/// served (within a household: assisted, typed, QR), each by the earliest free station; the queue is the people
/// who have arrived and not yet started. It is drawn as the largest queue within each pixel column, so no peak is
/// lost. Each site's group carries <c>data-max-queue</c>, <c>data-capacity</c> and <c>data-finish</c> (local time with offset) attributes.</para>
/// <para>Standalone SVG 1.1 (xmlns and viewBox), text escaped, no scripts or external references; times in the
/// labels' zone (never UTC), texts in the labels' culture, fixed line ends: the same input gives byte-identical text.</para>
/// </remarks>
public static class TestingDayTimeline
{
    private const double Width = 960;
    private const double Left = 60;
    private const double Right = 24;
    private const double PlotWidth = Width - Left - Right;
    private const double BarHeight = 12;
    private const double BarGap = 3;
    private const double QueueHeight = 100;
    private static readonly int[] TickMinutes = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720];

    /// <summary>Renders the timeline of one wave plan.</summary>
    /// <param name="problem">The problem the plan was made for.</param>
    /// <param name="plan">The wave plan (<c>WavePlanner.Plan</c>).</param>
    /// <param name="labels">Culture, zone (clock times are shown in it, e.g. Asia/Shanghai) and names (<see cref="Labels.For"/>).</param>
    /// <param name="title">An optional title shown at the top (e.g. the compound and date); no personal data.</param>
    /// <returns>The SVG document text.</returns>
    /// <exception cref="ArgumentException">A parameter is null, or the plan does not belong to the problem (another
    /// start, a site the problem does not have, a household the problem does not list or one called twice).</exception>
    public static string Svg(WaveProblem problem, WavePlan plan, Labels labels, string? title = null)
    {
        Guard.Against.Null(problem);
        Guard.Against.Null(plan);
        Guard.Against.Null(labels);
        var l = labels;
        CheckBelongs(problem, plan);
        var replays = plan.Sites.OrderBy(s => s.Site.SiteId).Select(s => (Plan: s, Replay: WaveReplay.Of(problem, s))).ToList();
        var (ticks, tick, axisEnd) = Axis(problem, plan, replays.Select(r => r.Replay));
        var seconds = (axisEnd - problem.Start).TotalSeconds;
        double X(Instant t) => Left + (PlotWidth * (t - problem.Start).TotalSeconds / seconds);

        var body = new StringBuilder();
        var y = 48.0;
        foreach (var (sitePlan, replay) in replays)
        {
            y = DrawSite(body, problem, sitePlan, replay, y, X, l);
        }

        var plotTop = 40.0;
        var plotBottom = y;
        var sb = new StringBuilder();
        Heading(sb, plan, plotBottom + 64, title, l);
        Grid(sb, problem.Start, ticks, tick, X, (plotTop, plotBottom), l);
        sb.Append(body);
        FinishAndKey(sb, plan, X, (plotTop, plotBottom), l);
        sb.Append("</svg>").Append(ViewText.Line);
        return sb.ToString();
    }

    // The phases of Svg, in drawing order: the time axis, the document's heading, the grid, the sites (DrawSite) and
    // the finish against the bound with the key; each draws one layer of the picture.

    // Time axis: from the start to past the latest of finish, bound and last wave, in whole ticks.
    private static (int Ticks, int Tick, Instant End) Axis(WaveProblem problem, WavePlan plan, IEnumerable<WaveReplay> replays)
    {
        var end = new[] { plan.ExpectedFinish, plan.LowerBound }.Concat(replays.SelectMany(r => r.Waves.Select(w => w.ServedBy))).Max();
        var spanMinutes = Math.Max(1, (end - problem.Start).TotalMinutes);
        var tick = TickMinutes.FirstOrDefault(t => spanMinutes / t <= 12, 1440);
        var ticks = (int)Math.Ceiling((spanMinutes + 1) / tick);
        return (ticks, tick, problem.Start + Duration.FromMinutes((long)ticks * tick));
    }

    private static void Heading(StringBuilder sb, WavePlan plan, double height, string? title, Labels l)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {ViewText.Num(Width)} {ViewText.Num(height)}\" width=\"{ViewText.Num(Width)}\" height=\"{ViewText.Num(height)}\" font-family=\"sans-serif\" font-size=\"11\">").Append(ViewText.Line);
        var heading = TextGuard.IsBlank(title) ? l.Text("timeline.title", ("date", l.DateWithYear(plan.Start.InZone(l.Zone).Date))) : Labels.Flat(title);
        sb.Append("<title>").Append(ViewText.Xml(heading)).Append("</title>").Append(ViewText.Line);
        sb.Append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>").Append(ViewText.Line);
        sb.Append("<text x=\"").Append(ViewText.Num(Left)).Append("\" y=\"22\" font-size=\"15\" font-weight=\"bold\">").Append(ViewText.Xml(heading)).Append("</text>").Append(ViewText.Line);
    }

    // Grid and axis.
    private static void Grid(StringBuilder sb, Instant start, int ticks, int tick, Func<Instant, double> x, (double Top, double Bottom) plot, Labels l)
    {
        sb.Append("<g class=\"axis\" stroke=\"#dddddd\">").Append(ViewText.Line);
        for (var k = 0; k <= ticks; k++)
        {
            var t = start + Duration.FromMinutes((long)k * tick);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{ViewText.Num(x(t))}\" y1=\"{ViewText.Num(plot.Top)}\" x2=\"{ViewText.Num(x(t))}\" y2=\"{ViewText.Num(plot.Bottom)}\"/>").Append(ViewText.Line);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(x(t))}\" y=\"{ViewText.Num(plot.Bottom + 14)}\" text-anchor=\"middle\" stroke=\"none\" fill=\"#333333\">{l.TimeOfDay(t)}</text>").Append(ViewText.Line);
        }

        sb.Append("</g>").Append(ViewText.Line);
    }

    // Finish against the lower bound, across all sites, then the legend and the key.
    private static void FinishAndKey(StringBuilder sb, WavePlan plan, Func<Instant, double> x, (double Top, double Bottom) plot, Labels l)
    {
        var bound = x(plan.LowerBound);
        var finish = x(plan.ExpectedFinish);
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"bound\"><line x1=\"{ViewText.Num(bound)}\" y1=\"{ViewText.Num(plot.Top)}\" x2=\"{ViewText.Num(bound)}\" y2=\"{ViewText.Num(plot.Bottom)}\" stroke=\"#2e7d32\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/></g>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"finish\"><line x1=\"{ViewText.Num(finish)}\" y1=\"{ViewText.Num(plot.Top)}\" x2=\"{ViewText.Num(finish)}\" y2=\"{ViewText.Num(plot.Bottom)}\" stroke=\"#000000\" stroke-width=\"1.5\"/></g>").Append(ViewText.Line);
        // A plan that meets its lower bound says so in words, not "a gap of 0.0%" (v12d).
        var gap = Math.Round(100 * plan.GapRatio, 1, MidpointRounding.AwayFromZero);
        var legend = gap == 0
            ? l.Text("timeline.legend.at-bound", ("finish", Seconds(l, plan.ExpectedFinish)))
            : l.Text("timeline.legend", ("finish", Seconds(l, plan.ExpectedFinish)), ("bound", Seconds(l, plan.LowerBound)),
                ("gap", l.Number((decimal)gap)));
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left)}\" y=\"{ViewText.Num(plot.Bottom + 34)}\">{ViewText.Xml(legend)}</text>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left)}\" y=\"{ViewText.Num(plot.Bottom + 50)}\" fill=\"#555555\">{ViewText.Xml(l.Text("timeline.key"))}</text>").Append(ViewText.Line);
    }

    private static string Seconds(Labels l, Instant t) => l.TimeWithSeconds(t);

    // "3号楼2单元" / "Building 3, Unit 2": the called building (and unit) by name; the plan was validated against the problem.
    private static string BarName(WaveCall call, WaveProblem problem, Labels l)
    {
        var building = problem.Buildings.FirstOrDefault(b => b.BuildingId == call.BuildingId);
        var name = l.Place("building", building is null ? ViewText.Int(call.BuildingId) : l.Local(building.Name));
        return call.UnitId is { } u && building?.Units.FirstOrDefault(x => x.UnitId == u) is { } unit
            ? l.Text("timeline.bar.unit", ("building", name), ("unit", l.Place("unit", l.Local(unit.Name))))
            : name;
    }

    private static double DrawSite(StringBuilder sb, WaveProblem problem, SitePlan sitePlan, WaveReplay replay, double top, Func<Instant, double> x, Labels l)
    {
        string Clock(Instant t) => l.TimeOfDay(t);
        var site = sitePlan.Site;
        sb.Append(CultureInfo.InvariantCulture,
            $"<g class=\"site\" data-site=\"{site.SiteId}\" data-max-queue=\"{replay.MaxQueue}\" data-capacity=\"{site.QueueCapacity}\" data-finish=\"{OffsetDateTimePattern.ExtendedIso.Format(replay.Finish.InZone(l.Zone).ToOffsetDateTime())}\">").Append(ViewText.Line);
        // The label starts with the site's name ("north square: 6 stations ..."): a sentence, so it starts with a capital.
        var label = l.Sentence(l.Text("timeline.site", ("site", l.Local(site.Name)), ("stations", l.Count(site.Stations, "stations")),
            ("capacity", l.Count(site.QueueCapacity, "people")), ("walk", l.Count((long)Math.Round(site.WalkDown.TotalMinutes), "minutes")),
            ("calls", l.Count(replay.Waves.Count, "calls")), ("people", l.Count(sitePlan.People, "people")), ("last", Clock(replay.Finish))));
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left)}\" y=\"{ViewText.Num(top + 4)}\" font-weight=\"bold\">{ViewText.Xml(label)}</text>").Append(ViewText.Line);

        var waveTop = top + 12;
        var rows = DrawWaves(sb, problem, replay, waveTop, x, l);
        var queueTop = waveTop + (Math.Max(1, rows) * (BarHeight + BarGap)) + 10;
        var baseline = DrawQueue(sb, site, replay, queueTop, x, l);
        sb.Append("</g>").Append(ViewText.Line);
        return baseline + 26;
    }

    // Waves, stacked into rows so overlapping bars never hide each other; returns the number of rows. A phase of DrawSite,
    // as is DrawQueue: a site is its label, its wave bars and its queue curve.
    private static int DrawWaves(StringBuilder sb, WaveProblem problem, WaveReplay replay, double waveTop, Func<Instant, double> x, Labels l)
    {
        string Clock(Instant t) => l.TimeOfDay(t);
        var rowEnds = new List<Instant>();
        foreach (var (call, servedBy) in replay.Waves)
        {
            var row = rowEnds.FindIndex(e => e <= call.At);
            if (row < 0)
            {
                row = rowEnds.Count;
                rowEnds.Add(servedBy);
            }
            else
            {
                rowEnds[row] = servedBy;
            }

            var x0 = x(call.At);
            var w = Math.Max(1, x(servedBy) - x0);
            var tip = l.Text("timeline.tip", ("at", Clock(call.At)), ("call", Announcements.Call(call, problem, l)), ("people", l.Count(call.People, "people")), ("done", Clock(servedBy)));
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"wave\" x=\"{ViewText.Num(x0)}\" y=\"{ViewText.Num(waveTop + (row * (BarHeight + BarGap)))}\" width=\"{ViewText.Num(w)}\" height=\"{ViewText.Num(BarHeight)}\" fill=\"#f5a623\" stroke=\"#8a5a00\" stroke-width=\"0.5\"><title>{ViewText.Xml(tip)}</title></rect>").Append(ViewText.Line);
            // The bar names the building (and unit) as the office writes it, the same name the loudspeaker call uses.
            var name = BarName(call, problem, l);
            if (w >= 8 * name.Length)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{ViewText.Num(x0 + 3)}\" y=\"{ViewText.Num(waveTop + (row * (BarHeight + BarGap)) + 9.5)}\" font-size=\"9\" fill=\"#3d2800\">{ViewText.Xml(name)}</text>").Append(ViewText.Line);
            }
        }

        return rowEnds.Count;
    }

    // The queue against the site's capacity; returns the baseline (zero people).
    private static double DrawQueue(StringBuilder sb, SiteSpec site, WaveReplay replay, double queueTop, Func<Instant, double> x, Labels l)
    {
        var scale = Math.Max(1, Math.Max(site.QueueCapacity, replay.MaxQueue) * 1.1);
        double Y(double people) => queueTop + QueueHeight - (QueueHeight * people / scale);
        var baseline = Y(0);
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{ViewText.Num(Left)}\" y1=\"{ViewText.Num(baseline)}\" x2=\"{ViewText.Num(Width - Right)}\" y2=\"{ViewText.Num(baseline)}\" stroke=\"#999999\"/>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<path class=\"queue\" d=\"{QueuePath(replay, x, Y)}\" fill=\"#90caf9\" stroke=\"#1565c0\" stroke-width=\"0.8\"/>").Append(ViewText.Line);
        var cap = Y(site.QueueCapacity);
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"capacity\" x1=\"{ViewText.Num(Left)}\" y1=\"{ViewText.Num(cap)}\" x2=\"{ViewText.Num(Width - Right)}\" y2=\"{ViewText.Num(cap)}\" stroke=\"#c62828\" stroke-dasharray=\"6 3\"/>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left - 4)}\" y=\"{ViewText.Num(cap + 4)}\" text-anchor=\"end\" fill=\"#c62828\">{site.QueueCapacity}</text>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left - 4)}\" y=\"{ViewText.Num(baseline + 4)}\" text-anchor=\"end\">0</text>").Append(ViewText.Line);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{ViewText.Num(Left + 4)}\" y=\"{ViewText.Num(cap - 3)}\" fill=\"#1565c0\">{ViewText.Xml(l.Text("timeline.waiting", ("peak", l.Count(replay.MaxQueue, "people"))))}</text>").Append(ViewText.Line);
        return baseline;
    }

    // The queue as a filled staircase: the largest queue within each pixel column, runs of equal columns merged.
    private static string QueuePath(WaveReplay replay, Func<Instant, double> x, Func<double, double> y)
    {
        var columns = new int[(int)PlotWidth + 1];
        var q = replay.Queue;
        for (var i = 0; i < q.Count; i++)
        {
            if (q[i].Waiting == 0)
            {
                continue;
            }

            var from = (int)Math.Floor(x(q[i].At) - Left);
            var to = i + 1 < q.Count ? (int)Math.Floor(x(q[i + 1].At) - Left) : from;
            for (var c = Math.Max(0, from); c <= Math.Min(columns.Length - 1, to); c++)
            {
                columns[c] = Math.Max(columns[c], q[i].Waiting);
            }
        }

        var d = new StringBuilder();
        d.Append(CultureInfo.InvariantCulture, $"M{ViewText.Num(Left)} {ViewText.Num(y(0))}");
        var current = 0;
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c] != current)
            {
                d.Append(CultureInfo.InvariantCulture, $" H{ViewText.Num(Left + c)} V{ViewText.Num(y(columns[c]))}");
                current = columns[c];
            }
        }

        d.Append(CultureInfo.InvariantCulture, $" H{ViewText.Num(Left + columns.Length)} V{ViewText.Num(y(0))} Z");
        return d.ToString();
    }

    private static void CheckBelongs(WaveProblem problem, WavePlan plan)
    {
        var sites = problem.Sites.Select(s => s.SiteId).ToHashSet();
        var households = problem.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Households).Select(h => h.HouseholdId).ToHashSet();
        var called = new HashSet<int>();
        var wrong = plan.Start != problem.Start ? "starts at another time than the problem"
            : plan.Sites.Any(s => !sites.Contains(s.Site.SiteId)) ? "has a site the problem does not have"
            : plan.Sites.Select(s => s.Site.SiteId).Distinct().Count() != plan.Sites.Count ? "lists a site twice"
            : plan.Sites.SelectMany(s => s.Calls).SelectMany(c => c.Households).Any(h => !households.Contains(h.HouseholdId)) ? "calls a household the problem does not list"
            : !plan.Sites.SelectMany(s => s.Calls).SelectMany(c => c.Households).All(h => called.Add(h.HouseholdId)) ? "calls a household twice"
            : null;
        if (wrong is not null)
        {
            throw new ArgumentException("The wave plan " + wrong + ": it does not belong to this problem.", nameof(plan));
        }
    }
}
