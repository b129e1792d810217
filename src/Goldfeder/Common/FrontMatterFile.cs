using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Goldfeder.Common;

/// <summary>A Markdown file with YAML front matter between two <c>---</c> lines, as the demo content is written.</summary>
public static class FrontMatterFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public static (T Meta, string Body) Read<T>(string path)
    {
        var parts = File.ReadAllText(path).ReplaceLineEndings("\n").Split("---\n", 3);
        if (parts.Length != 3 || parts[0].Length != 0)
            throw new InvalidDataException($"{path}: expected front matter between two '---' lines.");
        return (Yaml.Deserialize<T>(parts[1]), parts[2].Trim() + "\n");
    }
}
