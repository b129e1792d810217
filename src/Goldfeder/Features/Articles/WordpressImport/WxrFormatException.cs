namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>Why a file was refused, with the line the reader was at; nothing of such a file is imported.</summary>
public sealed class WxrFormatException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
