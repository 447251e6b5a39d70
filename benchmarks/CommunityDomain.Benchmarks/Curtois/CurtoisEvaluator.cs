using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// Evaluates a roster against an instance exactly as <c>FORMAT.md</c> defines it, from the raw instance only
/// (no solver state): requests, cover and every hard rule through <see cref="CurtoisRules"/>.
/// </summary>
public static class CurtoisEvaluator
{
    /// <summary>Evaluates <paramref name="solution"/> on <paramref name="instance"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="solution">A roster with one row per employee and one column per day of the instance.</param>
    /// <returns>The objective, its breakdown and the hard rule violations.</returns>
    /// <exception cref="ArgumentException">The solution's shape does not match or it names a shift index that does not exist.</exception>
    public static CurtoisEvaluation Evaluate(CurtoisInstance instance, CurtoisSolution solution)
    {
        Guard.Against.Null(instance);
        Guard.Against.Null(solution);
        CheckShape(instance, solution);

        var on = 0;
        foreach (var r in instance.OnRequests)
        {
            if (solution[r.Employee, r.Day] != r.Shift)
            {
                on += r.Weight;
            }
        }

        var off = 0;
        foreach (var r in instance.OffRequests)
        {
            if (solution[r.Employee, r.Day] == r.Shift)
            {
                off += r.Weight;
            }
        }

        var shifts = instance.Shifts.Count;
        var assigned = new int[instance.Days * shifts];
        for (var e = 0; e < solution.Employees; e++)
        {
            var row = solution.Row(e);
            for (var d = 0; d < row.Length; d++)
            {
                if (row[d] >= 0)
                {
                    assigned[(d * shifts) + row[d]]++;
                }
            }
        }

        var under = 0;
        var over = 0;
        foreach (var c in instance.Cover)
        {
            var n = assigned[(c.Day * shifts) + c.Shift];
            under += c.WeightUnder * Math.Max(0, c.Requirement - n);
            over += c.WeightOver * Math.Max(0, n - c.Requirement);
        }

        var violations = new List<CurtoisViolation>();
        for (var e = 0; e < solution.Employees; e++)
        {
            foreach (var rule in CurtoisRules.All)
            {
                CurtoisRules.CheckValidated(rule, instance, e, solution.Row(e), violations);
            }
        }

        return new CurtoisEvaluation(on, off, under, over, violations);
    }

    // Shared with the CSV writer: a roster must fit its instance before anything reads it.
    internal static void CheckShape(CurtoisInstance instance, CurtoisSolution solution)
    {
        if (solution.Employees != instance.Staff.Count || solution.Days != instance.Days)
        {
            throw new ArgumentException(
                $"The solution is {solution.Employees} employees x {solution.Days} days; the instance has {instance.Staff.Count} x {instance.Days}.",
                nameof(solution));
        }

        for (var e = 0; e < solution.Employees; e++)
        {
            foreach (var v in solution.Row(e))
            {
                if (v >= instance.Shifts.Count)
                {
                    throw new ArgumentException($"Employee {e} has shift index {v}; the instance has {instance.Shifts.Count} shift types.", nameof(solution));
                }
            }
        }
    }
}
