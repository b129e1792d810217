namespace Goldfeder.Features.Campaigns;

/// <summary>A byte that is not UTF-8, on this line of the file.</summary>
public sealed class InvalidUtf8Exception(int line) : Exception($"line {line}: not UTF-8")
{
    public int Line { get; } = line;
}
