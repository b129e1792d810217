using System.Threading.Channels;
using Goldfeder.Mail;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A reader asks for the newsletter. The request waits until <see cref="SignupWriter"/> has committed it with its
/// confirmation mail, so the reader's answer means the signup is durable. Whatever the address's state, the caller
/// learns nothing (no user enumeration). The confirmation mail is built here, on the request's thread, so that the
/// single writer does nothing but database work.
/// </summary>
public sealed class Signup(NewsletterMails mails, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    private readonly Channel<PendingSignup> _queue = Channel.CreateBounded<PendingSignup>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<PendingSignup> Pending => _queue.Reader;

    public async Task RequestAsync(string email, Requester requester, CancellationToken ct)
    {
        var (token, hash) = ConfirmToken.New();
        var validFor = options.Value.ConfirmationValidFor;
        var mail = Outbox.Prepare(mails.Confirmation(email, $"{requester.BaseUrl}/newsletter/bestaetigen?token={token}", validFor), clock);
        var signup = new PendingSignup(email, EmailAddress.Normalize(email), requester, hash, mail);
        await _queue.Writer.WriteAsync(signup, ct);
        await signup.Committed.Task.WaitAsync(ct);
    }
}

/// <summary>A signup waiting for its commit, with the hash of its confirmation token and its mail ready to insert.</summary>
internal sealed record PendingSignup(string Email, string NormalizedEmail, Requester Requester, string TokenHash, OutboxMail Mail)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
