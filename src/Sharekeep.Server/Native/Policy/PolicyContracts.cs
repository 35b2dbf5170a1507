namespace Sharekeep.Server.Native.Policy;

/// <summary>
/// The effective policy; lastModified is null until the API first sets a value. socialMediaEnabled is what is
/// in force (it needs external sharing on); socialMediaSetting is the switch as set.
/// </summary>
internal sealed record PolicyResponse(
    bool SharingEnabled, bool ExternalSharingEnabled, bool SocialMediaEnabled, bool SocialMediaSetting, DateTimeOffset? LastModified);
