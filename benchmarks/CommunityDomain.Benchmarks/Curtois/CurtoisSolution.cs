using Ardalis.GuardClauses;

namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A roster for a Curtois instance: for each employee and day, the index of the shift type worked, or
/// <see cref="Off"/>. Immutable; at most one shift per employee-day holds by construction (hard rule 1).
/// </summary>
/// <remarks>The solution does not know its instance: the evaluator and the CSV writer check the shape.</remarks>
public sealed class CurtoisSolution
{
    /// <summary>The value of an employee-day without a shift.</summary>
    public const int Off = -1;

    private readonly int[] _cells;

    /// <summary>Creates a solution from a copy of <c>assignments[employee, day]</c>.</summary>
    /// <param name="assignments">Shift index or <see cref="Off"/> per employee and day; values &gt;= -1.</param>
    /// <exception cref="ArgumentException">A value below -1.</exception>
    public CurtoisSolution(int[,] assignments)
    {
        Guard.Against.Null(assignments);
        Employees = assignments.GetLength(0);
        Days = assignments.GetLength(1);
        _cells = new int[Employees * Days];
        for (var e = 0; e < Employees; e++)
        {
            for (var d = 0; d < Days; d++)
            {
                var v = assignments[e, d];
                if (v < Off)
                {
                    throw new ArgumentException($"Employee {e} day {d} has shift {v}; use -1 for a day off.", nameof(assignments));
                }

                _cells[(e * Days) + d] = v;
            }
        }
    }

    private CurtoisSolution(int employees, int days, int[] cells)
    {
        Employees = employees;
        Days = days;
        _cells = cells;
    }

    /// <summary>The number of employees (rows).</summary>
    public int Employees { get; }

    /// <summary>The number of days (columns).</summary>
    public int Days { get; }

    /// <summary>
    /// A lower bound on the objective of every roster without hard violations, when the solver proves one
    /// (the command prints it as <c>bound=</c>); null otherwise.
    /// </summary>
    public long? LowerBound { get; private init; }

    /// <summary>The same roster with a proven lower bound attached.</summary>
    /// <param name="bound">The bound, or null.</param>
    public CurtoisSolution WithLowerBound(long? bound) => new(Employees, Days, _cells) { LowerBound = bound };

    /// <summary>The shift index worked by <paramref name="employee"/> on <paramref name="day"/>, or <see cref="Off"/>.</summary>
    /// <param name="employee">Employee index.</param>
    /// <param name="day">0-based day.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public int this[int employee, int day]
    {
        get
        {
            Guard.Against.OutOfRange(employee, nameof(employee), 0, Employees - 1);
            Guard.Against.OutOfRange(day, nameof(day), 0, Days - 1);
            return _cells[(employee * Days) + day];
        }
    }

    /// <summary>An all-off roster shaped for <paramref name="instance"/>.</summary>
    /// <param name="instance">The instance.</param>
    public static CurtoisSolution Empty(CurtoisInstance instance)
    {
        Guard.Against.Null(instance);
        var cells = new int[instance.Staff.Count * instance.Days];
        Array.Fill(cells, Off);
        return new CurtoisSolution(instance.Staff.Count, instance.Days, cells);
    }

    /// <summary>One employee's days, shift index or <see cref="Off"/> per day.</summary>
    /// <param name="employee">Employee index.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public ReadOnlySpan<int> Row(int employee)
    {
        Guard.Against.OutOfRange(employee, nameof(employee), 0, Employees - 1);
        return _cells.AsSpan(employee * Days, Days);
    }

    /// <summary>A copy of the assignments as <c>[employee, day]</c>.</summary>
    public int[,] ToArray()
    {
        var a = new int[Employees, Days];
        for (var e = 0; e < Employees; e++)
        {
            for (var d = 0; d < Days; d++)
            {
                a[e, d] = _cells[(e * Days) + d];
            }
        }

        return a;
    }

    /// <summary>A copy with one employee-day changed.</summary>
    /// <param name="employee">Employee index.</param>
    /// <param name="day">0-based day.</param>
    /// <param name="shift">Shift index or <see cref="Off"/>.</param>
    /// <exception cref="ArgumentException">An index is out of range or the shift is below -1.</exception>
    public CurtoisSolution With(int employee, int day, int shift)
    {
        Guard.Against.OutOfRange(employee, nameof(employee), 0, Employees - 1);
        Guard.Against.OutOfRange(day, nameof(day), 0, Days - 1);
        Guard.Against.OutOfRange(shift, nameof(shift), Off, int.MaxValue);
        var cells = (int[])_cells.Clone();
        cells[(employee * Days) + day] = shift;
        return new CurtoisSolution(Employees, Days, cells) { LowerBound = LowerBound };
    }

    // Owning constructor for builders in this assembly (the greedy baseline, the CSV reader).
    internal static CurtoisSolution Own(int employees, int days, int[] cells) => new(employees, days, cells);
}
