using System.Threading.Channels;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A reader asks for the newsletter. The request waits until <see cref="SignupWriter"/> has committed it with its
/// confirmation mail, so the reader's answer means the signup is durable. Whatever the address's state, the caller
/// learns nothing (no user enumeration).
/// </summary>
public sealed class Signup
{
    private readonly Channel<PendingSignup> _queue = Channel.CreateBounded<PendingSignup>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<PendingSignup> Pending => _queue.Reader;

    public async Task RequestAsync(string email, Requester requester, CancellationToken ct)
    {
        var signup = new PendingSignup(email, EmailAddress.Normalize(email), requester);
        await _queue.Writer.WriteAsync(signup, ct);
        await signup.Committed.Task.WaitAsync(ct);
    }
}

internal sealed record PendingSignup(string Email, string NormalizedEmail, Requester Requester)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
