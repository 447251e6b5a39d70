using CommunityDomain.Communities;
using CommunityDomain.Kernel;

namespace CommunityDomain.Supplies;

/// <summary>A duty post and the staff-hours worked there, taken by the caller from a roster.</summary>
/// <remarks><c>default(PostHours)</c> names no post and is rejected.</remarks>
public readonly record struct PostHours
{
    /// <summary>Creates the record.</summary>
    /// <param name="post">The post; not default.</param>
    /// <param name="staffTime">Total staff time on duty (people x hours); not negative.</param>
    /// <exception cref="ArgumentException">A default post or negative staff time.</exception>
    public PostHours(Id<Post> post, Duration staffTime)
    {
        Post = Guard.Against.DefaultId(post);
        StaffTime = Guard.Against.InvalidInput(staffTime, nameof(staffTime), static t => t >= Duration.Zero, "Staff time cannot be negative.");
    }

    /// <summary>The post.</summary>
    public Id<Post> Post { get; }

    /// <summary>Staff time on duty.</summary>
    public Duration StaffTime { get; }
}
