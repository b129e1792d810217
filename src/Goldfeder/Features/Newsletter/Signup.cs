using Goldfeder.Common;
using System.Threading.Channels;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A reader asks for the newsletter. The request waits until <see cref="SignupWriter"/> has committed it with its
/// confirmation mail, so the reader's answer means the signup is durable. Whatever the address's state, the caller
/// learns nothing (no user enumeration). The confirmation mail is queued as its link only and rendered when sent
/// (<see cref="NewsletterMails.Render"/>).
/// </summary>
public sealed class Signup
{
    private readonly Channel<PendingSignup> _queue = Channel.CreateBounded<PendingSignup>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<PendingSignup> Pending => _queue.Reader;

    /// <param name="topicIds">The topics ticked; none (or none still offered) means every topic offered, as the consent text says.</param>
    public async Task RequestAsync(string email, Requester requester, CancellationToken ct, IReadOnlyCollection<int>? topicIds = null)
    {
        var (token, hash) = ConfirmToken.New();
        var signup = new PendingSignup(email, EmailAddress.Normalize(email), requester, hash, SiteUrls.Confirmation(requester.BaseUrl, token), topicIds ?? []);
        await _queue.Writer.WriteAsync(signup, ct);
        await signup.Committed.Task.WaitAsync(ct);
        NewsletterMetrics.SignupsAccepted.Add(1);
    }
}

/// <summary>A signup waiting for its commit, with the hash of its confirmation token and the link for its mail.</summary>
internal sealed record PendingSignup(string Email, string NormalizedEmail, Requester Requester, string TokenHash, string ConfirmUrl, IReadOnlyCollection<int> TopicIds)
{
    /// <summary>The topics this signup asks for, resolved against the offered ones by the writer.</summary>
    public IReadOnlyList<int> Topics { get; set; } = [];

    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
