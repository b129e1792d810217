namespace Goldfeder.Features.Articles.Images;

/// <summary>Why an upload was refused, in German for the editor.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);
