using System.Text.Encodings.Web;
using System.Text.Json;

namespace Goldfeder.Common;

/// <summary>How operator commands answer: the result on standard output (JSON where it is data), everything else on standard error.</summary>
public static class CommandOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void PrintJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Writes the message to standard error and returns the exit code.</summary>
    public static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
