// A city on Microsoft Orleans: one grain per community holding the library's JSON contracts in grain
// storage, three in-process silos, a city job that plans every community's testing day and 14-day roster,
// and one silo killed in the middle of the job. Checks itself against planning the same documents in one
// process and exits 1 on a lost or duplicated community, a differing result or lost state.
//
//   dotnet run -c Release --project samples/CityHost -- [communities=300] [--iterations 5000] [--seed 7] [--in-flight 8] [--no-kill]
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityHost;
using CommunityDomain.Kernel;
using CommunityDomain.Passes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = Settings.Parse(args);
const int Silos = 3;
const string JobId = "city-2022-08-17";
var failures = new List<string>();
void Check(bool ok, string what)
{
    if (!ok)
    {
        failures.Add(what);
    }
}

Console.WriteLine($"CityHost: {settings.Communities} communities (seed {settings.Seed}), roster {settings.Iterations:N0} moves, {Silos} in-process silos, {settings.InFlight} calls in flight, {Environment.ProcessorCount} cores");

// The office writes every community's documents once; the baseline and the cluster plan the same text.
using var signing = PassSigningKeys.Generate(new PassKeyId(1));
var watch = Stopwatch.StartNew();
var documents = Enumerable.Range(0, settings.Communities).Select(i => CityOffice.Write(i, settings.Seed, settings.Iterations, signing)).ToArray();
Console.WriteLine($"documents: {watch.Elapsed.TotalSeconds:F2} s, {documents.Average(d => d.Length) / 1024:F1} KiB per community ({string.Join(", ", documents[0].All().Select(d => $"{d.Name} {d.Json.Length / 1024.0:F1}"))} KiB for community 0)");

// Baseline: the same handler on one thread of this process, no engine. Timed after a first run on every
// core, which warms the JIT as it is warm by the time the cluster runs; both runs must agree.
var warmRun = documents.AsParallel().AsOrdered().Select(CommunityPlanning.Plan).ToArray();

watch.Restart();
var cpuBefore = Cpu();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var baseline = documents.Select(CommunityPlanning.Plan).ToArray();
var baselineSeconds = watch.Elapsed.TotalSeconds;
var baselineCpu = (Cpu() - cpuBefore).TotalMilliseconds / settings.Communities;
var baselineAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / settings.Communities;
Check(warmRun.SequenceEqual(baseline), "the one-process runs on one thread and on every core disagree");
var infeasible = baseline.Count(b => b.Roster.Contains("\"schema\":\"roster.no-feasible-roster\"", StringComparison.Ordinal));
Console.WriteLine($"one process, 1 thread: {baselineSeconds:F2} s, {settings.Communities / baselineSeconds:F1} communities/s, {baselineCpu:F1} CPU ms and {baselineAllocated / 1024.0:F0} KiB allocated per community, {infeasible} without a feasible roster, results {Digest(baseline.Select(b => b.WavePlan + b.Roster))}");

// The wave planner alone on one thread (its search's cost is bounded by named values; see WavePlanner's remarks).
var waveProblems = documents.Select(d => CommunityPlanning.Read<CommunityDomain.MassTesting.Planners.WaveProblem>(d.WaveProblem)).ToArray();
watch.Restart();
var waveResidents = waveProblems.Sum(p => (long)p.People);
var waveGaps = waveProblems.Select(p => CommunityDomain.MassTesting.Planners.WavePlanner.Plan(p).GapRatio).ToArray();
Console.WriteLine($"waves alone, 1 thread: {watch.Elapsed.TotalSeconds:F2} s for {waveProblems.Length} compounds ({waveResidents:N0} residents), mean gap to the bound {100 * waveGaps.Average():F2}%");

// The cluster: three silos in this process on Orleans' in-memory transport, one shared store (the database).
var store = new CityStore();
var keys = new CityKeys(signing);
var builder = new InProcessTestClusterBuilder(Silos);
builder.Options.ConfigureFileLogging = false;
builder.ConfigureSilo((_, silo) =>
{
    silo.Services.AddSingleton(store);
    silo.Services.AddSingleton(keys);
    silo.Services.AddGrainStorage(CityStore.Name, (sp, _) => new CityGrainStorage(sp.GetRequiredService<CityStore>(), sp.GetRequiredService<Serializer>()));
    // Detect a dead silo within seconds, not the production default of tens of seconds.
    silo.Configure<ClusterMembershipOptions>(o =>
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
    });
    silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
});
builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
await using var cluster = builder.Build();
watch.Restart();
await cluster.DeployAsync();
Console.WriteLine($"cluster: {cluster.Silos.Count} silos up in {watch.Elapsed.TotalSeconds:F2} s: {string.Join(", ", cluster.Silos.Select(s => s.Name))}");
var grains = cluster.Client;

// Load: one grain per community stores its documents; memory per grain from the managed heap.
var heapBefore = Heap();
watch.Restart();
var loadedOn = new string[settings.Communities];
await Parallel.ForEachAsync(Enumerable.Range(0, settings.Communities), new ParallelOptions { MaxDegreeOfParallelism = settings.InFlight }, async (i, _) =>
    loadedOn[i] = (await grains.GetGrain<ICommunityGrain>(i).Load(documents[i])).Silo);
var loadSeconds = watch.Elapsed.TotalSeconds;
var heapLoaded = Heap();
var perGrain = (heapLoaded - heapBefore - store.Bytes) / (double)settings.Communities;
Console.WriteLine($"load: {loadSeconds:F2} s; grains per silo {string.Join(", ", loadedOn.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}; store {store.Bytes / 1024.0 / settings.Communities:F1} KiB per community; heap {perGrain / 1024:F1} KiB per active grain (store excluded)");

// The job, with one silo killed when half the communities are planned.
var victim = cluster.Silos[1];
var onVictim = Enumerable.Range(0, settings.Communities).Where(i => loadedOn[i] == victim.Name).ToHashSet();
var jobCpuBefore = Cpu();
var jobAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var jobClock = Stopwatch.StartNew();
double? killedAt = null, killReturnedAt = null, deadDeclaredAt = null;
Task? kill = null;
var killGate = new object();
var job = await CityJob.Run(grains, settings.Communities, JobId, settings.InFlight, collected =>
{
    lock (killGate)
    {
        if (settings.Kill && kill is null && collected >= settings.Communities / 2)
        {
            killedAt = jobClock.Elapsed.TotalSeconds;
            kill = Task.Run(async () =>
            {
                await cluster.KillSiloAsync(victim);
                killReturnedAt = jobClock.Elapsed.TotalSeconds;
                var management = grains.GetGrain<IManagementGrain>(0);
                while (await ActiveSilos(management) >= Silos && jobClock.Elapsed.TotalSeconds < 120)
                {
                    await Task.Delay(50);
                }

                deadDeclaredAt = jobClock.Elapsed.TotalSeconds;
            });
        }
    }
});
var jobSeconds = jobClock.Elapsed.TotalSeconds;
var jobCpu = (Cpu() - jobCpuBefore).TotalMilliseconds / settings.Communities;
var jobAllocated = (GC.GetTotalAllocatedBytes(precise: true) - jobAllocatedBefore) / settings.Communities;
if (kill is not null)
{
    await kill;
}

failures.AddRange(job.Failures);
Check(kill is not null || !settings.Kill, "the silo was never killed");
var answers = job.Answers;

// Every community exactly once, with the baseline's bytes.
Check(answers.Count == settings.Communities && answers.Keys.Order().SequenceEqual(Enumerable.Range(0, settings.Communities).Select(i => (long)i)),
    $"{answers.Count} of {settings.Communities} communities answered");
foreach (var (i, answer) in answers)
{
    var plan = answer.Receipt.Plan;
    Check(answer.Receipt.Community == i && plan.JobId == JobId, $"community {i}: answer for community {answer.Receipt.Community}, job {plan.JobId}");
    Check(string.Equals(plan.WavePlan, baseline[i].WavePlan, StringComparison.Ordinal), $"community {i}: wave plan differs from the one-process run");
    Check(string.Equals(plan.Roster, baseline[i].Roster, StringComparison.Ordinal), $"community {i}: roster differs from the one-process run");
}

var clusterDigest = Digest(Enumerable.Range(0, settings.Communities).Select(i => answers.TryGetValue(i, out var a) ? a.Receipt.Plan.WavePlan + a.Receipt.Plan.Roster : ""));

// Drop the client's copies of the plans, so that the heap below holds the grains' plans only.
answers = answers.ToDictionary(a => a.Key, a => a.Value with { Receipt = a.Value.Receipt.WithoutPlanTexts() });
job = (answers, job.Failures, job.Retries);
var heapAfter = Heap();

// No state lost: what each grain stores and what it restored from storage.
var serializer = cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
var reactivated = 0;
var commits = new List<int>();
foreach (var i in Enumerable.Range(0, settings.Communities))
{
    var grain = grains.GetGrain<ICommunityGrain>(i);
    // Straight from the store's rows, then through the grain (which re-activates from them if it was lost).
    var rowDocuments = store.Peek<DocumentsState>(serializer, grain.GetGrainId(), "documents")?.Documents;
    var rowPlan = store.Peek<PlanState>(serializer, grain.GetGrainId(), "plans");
    Check(rowDocuments is { } rd && rd.SameAs(documents[i]), $"community {i}: the stored documents row is missing or differs from the office's");
    Check(rowPlan is { Plan: { } rp, PlanCommits: 1 } && rp.JobId == JobId && rp.WavePlan == baseline[i].WavePlan && rp.Roster == baseline[i].Roster,
        $"community {i}: the stored plans row is missing, differs from the one-process run or was committed more than once");
    var stored = await grain.Stored();
    Check(stored.Documents is { } d && d.SameAs(documents[i]), $"community {i}: stored documents differ from the office's");
    Check(stored.Plan is { } p && p.JobId == JobId && p.WavePlan == baseline[i].WavePlan && p.Roster == baseline[i].Roster, $"community {i}: stored plan missing or different");
    commits.Add(stored.PlanCommits);
    Check(stored.PlanCommits == 1, $"community {i}: plans committed {stored.PlanCommits} times");
    var live = await grain.Snapshot();
    Check(live.Community == documents[i].Community && live.Ledger == documents[i].Ledger && live.PassOffice == documents[i].PassOffice,
        $"community {i}: restored aggregates write back different documents");
    Check(live.TestingEvents == CommunityPlanning.Read<IReadOnlyList<IDomainEvent>>(documents[i].TestingEvents).Count, $"community {i}: testing events lost");
    Check(!settings.Kill || live.Silo != victim.Name, $"community {i}: still answers from the killed silo");
    if (settings.Kill && onVictim.Contains(i))
    {
        Check(CityProbe.ActivationsOf(i) >= 2, $"community {i}: was on the killed silo but never re-activated");
        reactivated += CityProbe.ActivationsOf(i) >= 2 ? 1 : 0;
    }
}

Check(store.Count == 2 * settings.Communities, $"{store.Count} rows stored for {settings.Communities} communities (documents and plans each)");

// A redelivered job: every grain returns its committed plans and plans nothing.
var runsBefore = Enumerable.Range(0, settings.Communities).Sum(i => CityProbe.RunsOf(i));
var replanned = Enumerable.Range(0, settings.Communities).Count(i => CityProbe.RunsOf(i) > 1);
var again = await CityJob.Run(grains, settings.Communities, JobId, settings.InFlight, _ => { });
Check(again.Answers.Count == settings.Communities && again.Answers.Values.All(a => a.Receipt.Replayed), "a repeated job planned again");
Check(Enumerable.Range(0, settings.Communities).Sum(i => CityProbe.RunsOf(i)) == runsBefore, "a repeated job ran the planner");

// Figures.
// Communities of the lost silo answered by another silo: their grains were re-activated from storage.
var moved = onVictim.Where(i => answers.TryGetValue(i, out var a) && a.Receipt.Silo != victim.Name).Select(i => answers[i]).ToList();
var firstRecovered = moved.Count == 0 ? (double?)null : moved.Min(a => a.At);
Check(moved.Count > 0 || !settings.Kill, "no community of the lost silo was planned elsewhere: the kill came too late to matter");

var longestGap = answers.Values.Select(a => a.At).Order().Zip(answers.Values.Select(a => a.At).Order().Skip(1)).Select(p => p.Second - p.First).DefaultIfEmpty(0).Max();
Console.WriteLine($"job: {jobSeconds:F2} s, {settings.Communities / jobSeconds:F1} communities/s over the cluster ({baselineSeconds / jobSeconds:F2} x the one-thread baseline), {jobCpu:F1} CPU ms and {jobAllocated / 1024.0:F0} KiB allocated per community (all silos and the client), {job.Retries} retried calls, results {clusterDigest}");
foreach (var silo in answers.Values.GroupBy(a => a.Receipt.Plan.PlannedOn).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {silo.Key}: planned {silo.Count()} ({silo.Count() / jobSeconds:F1} communities/s{(settings.Kill && silo.Key == victim.Name ? ", killed" : "")})");
}

Console.WriteLine(!settings.Kill ? "no silo killed (--no-kill)" : $"lost silo {victim.Name} at {killedAt:F2} s with {onVictim.Count} grains; kill returned at +{killReturnedAt - killedAt:F2} s; declared dead at +{deadDeclaredAt - killedAt:F2} s; " +
    $"{moved.Count} of its communities planned elsewhere, the first at +{firstRecovered - killedAt:F2} s; longest pause between answers {longestGap:F2} s");
Console.WriteLine($"heap after the job: {(heapAfter - heapBefore - store.Bytes) / 1024.0 / settings.Communities:F1} KiB per active grain with its plans (store excluded; store now {store.Bytes / 1024.0 / settings.Communities:F1} KiB per community)");
Console.WriteLine($"re-activated from storage: {reactivated} of {(settings.Kill ? onVictim.Count : 0)}; planner runs {runsBefore} for {settings.Communities} communities ({replanned} planned more than once: a run whose commit was lost with the silo or refused); plans committed per community {commits.Min()} to {commits.Max()}; store conflicts {store.Conflicts}");
Console.WriteLine($"byte-identical to the one-process run: {(clusterDigest == Digest(baseline.Select(b => b.WavePlan + b.Roster)) ? "yes" : "NO")}");

if (failures.Count > 0)
{
    foreach (var failure in failures.Take(20))
    {
        Console.WriteLine("  " + failure);
    }

    Console.WriteLine($"FAILED: {failures.Count} problem(s)");
    return 1;
}

Console.WriteLine("OK");
return 0;

static TimeSpan Cpu()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime;
}

static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

static string Digest(IEnumerable<string> texts)
{
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    foreach (var text in texts)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(text));
        sha.AppendData([0]);
    }

    return Convert.ToHexString(sha.GetHashAndReset())[..16];
}

// The management call goes through whichever gateway the client holds; right after the kill that can be the dead silo,
// and the call times out or is rejected. That says nothing about membership yet: count it as "all still active", retry.
static async Task<int> ActiveSilos(IManagementGrain management)
{
    try
    {
        return (await management.GetHosts(onlyActive: true)).Count;
    }
    catch (Exception e) when (e is TimeoutException or OrleansException)
    {
        return int.MaxValue;
    }
}

/// <summary>Command-line settings.</summary>
internal sealed record Settings(int Communities, long Iterations, int Seed, int InFlight, bool Kill)
{
    public static Settings Parse(string[] args)
    {
        var settings = new Settings(300, 5_000, 7, 8, Kill: true);
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--iterations" => settings with { Iterations = long.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--seed" => settings with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--in-flight" => settings with { InFlight = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--no-kill" => settings with { Kill = false },
                var n when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 4 => settings with { Communities = count },
                var other => throw new ArgumentException($"Unknown argument '{other}'. Usage: [communities>=4] [--iterations N] [--seed N] [--in-flight N] [--no-kill]", nameof(args)),
            };
        }

        return settings;
    }
}
