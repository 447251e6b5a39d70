namespace CommunityDomain.Benchmarks.Curtois;

/// <summary>
/// A Curtois &amp; Qu instance file or a solution CSV is malformed. The message names the 1-based line
/// number (when the fault sits on a line) and what is wrong with it.
/// </summary>
public sealed class CurtoisFormatException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CurtoisFormatException()
        : base("The Curtois file is malformed.")
    {
    }

    /// <summary>Creates the exception with a message that is not tied to one line.</summary>
    /// <param name="message">What is wrong.</param>
    public CurtoisFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the fault that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying fault.</param>
    public CurtoisFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a fault on one line; the message starts with <c>line N: </c>.</summary>
    /// <param name="lineNumber">The 1-based line number of the fault.</param>
    /// <param name="message">What is wrong on that line.</param>
    public CurtoisFormatException(int lineNumber, string message)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {lineNumber}: {message}"))
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line number of the fault, or 0 when the fault is not tied to one line.</summary>
    public int LineNumber { get; }
}
