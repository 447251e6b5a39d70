using System.Text;

namespace Pubai;

/// <summary>A writer that writes to two writers: the console and a copy the sample checks afterwards.</summary>
/// <param name="first">The first writer (e.g. the console).</param>
/// <param name="second">The second writer (e.g. a <see cref="StringWriter"/>).</param>
public sealed class Tee(TextWriter first, TextWriter second) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => first.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        first.Write(value);
        second.Write(value);
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        first.Write(value);
        second.Write(value);
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        first.WriteLine(value);
        second.WriteLine(value);
    }
}
