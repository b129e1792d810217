namespace Goldfeder.Features.Careers;

/// <summary>A folder outside the web root (<c>Careers:FileStore:Path</c>, default <c>data/applications</c>).</summary>
public sealed class LocalFileStore : IFileStore
{
    private readonly string _root;

    public LocalFileStore(Microsoft.Extensions.Options.IOptions<CareersOptions> options, IHostEnvironment env)
    {
        _root = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.FileStore.Path));
        var webRoot = Path.GetFullPath(Path.Combine(env.ContentRootPath, "wwwroot")) + Path.DirectorySeparatorChar;
        if ((_root + Path.DirectorySeparatorChar).StartsWith(webRoot, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Careers:FileStore:Path must not lie inside wwwroot: applicants' files would be public.");
        // Applicants' files are the operator's alone: folder 0700, files 0600, whatever the process's umask.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_root);
        else Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public async Task SaveAsync(string name, Stream content, CancellationToken ct)
    {
        var path = PathOf(name);
        var temporary = path + ".part";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new FileStream(temporary, options))
        {
            await content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
        }
        File.Move(temporary, path);
    }

    public Task<Stream?> OpenAsync(string name, CancellationToken ct)
    {
        var path = PathOf(name);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string name, CancellationToken ct)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    /// <summary>Stored names are ours (hex), but a name that could leave the folder is refused anyway.</summary>
    private string PathOf(string name)
    {
        if (name.Length is 0 or > 100 || !name.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("Stored file names are random letters and digits.", nameof(name));
        return Path.Combine(_root, name);
    }
}
