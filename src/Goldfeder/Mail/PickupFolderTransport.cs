using MimeKit;

namespace Goldfeder.Mail;

/// <summary>The no-configuration transport: each message becomes one .eml file, written atomically (temp file, then rename).</summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(Folder, "." + name + ".tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(Folder, name));
    }
}
