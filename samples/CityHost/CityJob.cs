using System.Collections.Concurrent;
using System.Diagnostics;

namespace CityHost;

/// <summary>One answer the job collected, with when it came (seconds since the job started).</summary>
/// <param name="Receipt">The grain's answer.</param>
/// <param name="At">Seconds since the job started.</param>
/// <param name="Attempts">Calls it took (1 when the first call answered).</param>
public sealed record Collected(PlanReceipt Receipt, double At, int Attempts);

/// <summary>
/// The city job: asks every community grain for its plans, a bounded number at a time, and retries a
/// call that fails (a lost silo, a timeout) until the community answers. The job runs in the client, not
/// in a grain, so losing a silo never loses the job; retries are safe because a grain commits a job's
/// plans once and returns them again on a retry.
/// </summary>
public static class CityJob
{
    /// <summary>Calls before the job gives a community up.</summary>
    public const int MaxAttempts = 40;

    /// <summary>
    /// Plans communities 0 to <paramref name="count"/> - 1 for <paramref name="jobId"/>;
    /// <paramref name="onProgress"/> sees the number of communities collected after each answer.
    /// </summary>
    /// <returns>The answers by community index, and the failures of communities that never answered.</returns>
    public static async Task<(IReadOnlyDictionary<long, Collected> Answers, IReadOnlyList<string> Failures, int Retries)> Run(
        IGrainFactory grains, int count, string jobId, int inFlight, Action<int> onProgress)
    {
        var answers = new ConcurrentDictionary<long, Collected>();
        var failures = new ConcurrentBag<string>();
        var retries = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, cancel) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var receipt = await grains.GetGrain<ICommunityGrain>(i).Plan(jobId);
                    if (!answers.TryAdd(i, new Collected(receipt, clock.Elapsed.TotalSeconds, attempt)))
                    {
                        failures.Add($"community {i}: answered twice");
                    }

                    onProgress(answers.Count);
                    return;
                }
                catch (Exception e) when (e is not InvalidDataException && attempt < MaxAttempts)
                {
                    // A lost silo shows as SiloUnavailableException, TimeoutException or a rejected message
                    // until the cluster declares it dead and the grain re-activates elsewhere.
                    Interlocked.Increment(ref retries);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500)), cancel);
                }
                catch (Exception e)
                {
                    failures.Add($"community {i}: {e.GetType().Name} after {attempt} calls: {e.Message}");
                    return;
                }
            }
        });

        return (answers, failures.ToList(), retries);
    }
}
