#:project ../src/CommunityDomain/CommunityDomain.csproj
Console.WriteLine("placeholder");
