namespace Goldfeder.Data;

/// <summary>Key material the site makes itself on first use and shares through the database with every instance.</summary>
public class Secret
{
    public required string Name { get; set; }
    public required byte[] Value { get; set; }
}
