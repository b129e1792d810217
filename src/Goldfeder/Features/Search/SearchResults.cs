namespace Goldfeder.Features.Search;

/// <summary>One page of hits and how many there are in all.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);
