using System.Net;
using Goldfeder.Common;

namespace Goldfeder.Tests.Common;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Limits_count_IPv4_by_address_and_IPv6_by_its_64(string address, string key) =>
        Assert.Equal(key, ClientAddress.LimitKey(IPAddress.Parse(address)));
}
