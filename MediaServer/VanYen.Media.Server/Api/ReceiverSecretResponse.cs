namespace VanYen.Media.Server.Api;

/// <summary>A receiver with its device secret: returned ONCE, at creation and at rotation; only its hash is stored.</summary>
public sealed record ReceiverSecretResponse(ReceiverView Receiver, string Secret);
