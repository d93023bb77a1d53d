import OrderDeskCore

/// The words, people, places and products demo data is made from.
enum DemoNames {
    struct Person { let login: String; let name: String; let role: Role }

    static let staff: [Person] = [
        Person(login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager),
        Person(login: "marcus.chen", name: "Marcus Chen", role: .accountManager),
        Person(login: "priya.natarajan", name: "Priya Natarajan", role: .accountManager),
        Person(login: "tomas.alvarez", name: "Tomás Álvarez", role: .accountManager),
        Person(login: "keisha.brown", name: "Keisha Brown", role: .accountManager),
        Person(login: "liam.oconnor", name: "Liam O'Connor", role: .accountManager),
        Person(login: "sofia.rossi", name: "Sofia Rossi", role: .accountManager),
        Person(login: "jamal.washington", name: "Jamal Washington", role: .accountManager),
        Person(login: "hannah.kowalski", name: "Hannah Kowalski", role: .accountManager),
        Person(login: "ethan.goldberg", name: "Ethan Goldberg", role: .accountManager),
        Person(login: "renee.dubois", name: "Renée Dubois", role: .supervisor),
        Person(login: "victor.okafor", name: "Victor Okafor", role: .supervisor),
        Person(login: "grace.liu", name: "Grace Liu", role: .admin),
        Person(login: "sam.patel", name: "Sam Patel", role: .viewer),
        // Last, so everyone before keeps the id they had before directors existed.
        Person(login: "nadia.haddad", name: "Nadia Haddad", role: .director),
    ]

    /// Names every demo has (as long as it has that many customers), so searches can be shown and tested.
    static let fixedCustomers = [
        "Café Roma LLC", "Ñandú Imports", "Crème Brûlée Bakery", "Müller & Söhne GmbH", "東京寿司 Sushi Bar",
        "Dragón Rojo Tacos", "Zoë's Nail Spa", "Łukasz Plumbing & Heating", "São Paulo Churrascaria",
        "Björk Design Studio", "Ångström Optics Inc.", "Château Noël Catering", "北京烤鸭 Peking Duck House",
        "Jalapeño Joe's Cantina", "Gruyère & Co. Fromagerie", "서울 Korean BBQ",
    ]

    static let namePrefixes = [
        "Bella", "Café", "Crème", "Müller", "Søren", "Ñandú", "Dragón", "Zoë's", "São Paulo", "Hôtel", "Ångström",
        "Łódź", "Château", "Fénix", "Björk", "Piñata", "Jalapeño", "Gruyère", "Açaí", "Noël", "Golden", "Harbor",
        "Empire", "Liberty", "Hudson", "Atlantic", "Bayside", "Summit", "Maple", "Oak Tree", "Pioneer", "Sunrise",
        "Metro", "Garden State", "Long Island", "Brooklyn", "Queens", "Westchester", "Nutmeg", "Riverside",
        "Evergreen", "Keystone", "Blue Point", "Montauk", "Greenwich", "Hoboken", "Crêpe", "Señor", "Frères",
        "Kowalski", "O'Brien", "Rossi", "Nguyễn", "Håkon", "Mañana", "Über", "Déjà Vu", "Ørsted", "Cortés",
    ]
    static let businessKinds = [
        "Bakery", "Dental", "Logistics", "Auto Body", "Pharmacy", "Law Group", "Realty", "Deli", "Pizzeria",
        "Fitness", "Veterinary Clinic", "Plumbing", "Electric", "Architects", "Accounting", "Florist", "Hardware",
        "Bistro", "Taquería", "Trattoria", "Brasserie", "Imports", "Construction", "Salon", "Spa", "Cleaners",
        "Printing", "Tutoring", "Insurance", "Medical Group", "Coffee House", "Brewery", "Wine Bar", "Daycare",
        "Garage", "Storage", "Marine Supply", "Sushi Bar", "Boutique", "Studio", "Pâtisserie", "Café",
    ]
    static let suffixes = ["LLC", "Inc.", "Corp.", "& Co.", "Group", "", "", "", "GmbH", "Ltd.", "& Sons", "PLLC"]
    static let cjkNames = ["東京寿司", "北京烤鸭", "上海小吃", "大阪ラーメン", "京都茶屋", "香港點心", "서울", "台北夜市"]
    static let cjkKinds = ["Sushi Bar", "Noodle House", "Tea Room", "Market", "Dim Sum", "Kitchen", "Trading Co."]

    static let segments = ["Small Business", "Mid-Market", "Enterprise", "Public Sector", "Non-Profit"]
    static let segmentWeights = [60, 25, 8, 4, 3]

    struct Place { let city: String; let state: String; let zip: String; let area: String }
    static let places = [
        Place(city: "Bethpage", state: "NY", zip: "11714", area: "516"),
        Place(city: "Hicksville", state: "NY", zip: "11801", area: "516"),
        Place(city: "Garden City", state: "NY", zip: "11530", area: "516"),
        Place(city: "Brooklyn", state: "NY", zip: "11201", area: "718"),
        Place(city: "Astoria", state: "NY", zip: "11102", area: "718"),
        Place(city: "Bronx", state: "NY", zip: "10451", area: "718"),
        Place(city: "White Plains", state: "NY", zip: "10601", area: "914"),
        Place(city: "Yonkers", state: "NY", zip: "10701", area: "914"),
        Place(city: "Huntington", state: "NY", zip: "11743", area: "631"),
        Place(city: "Hoboken", state: "NJ", zip: "07030", area: "201"),
        Place(city: "Jersey City", state: "NJ", zip: "07302", area: "201"),
        Place(city: "Newark", state: "NJ", zip: "07102", area: "973"),
        Place(city: "Paramus", state: "NJ", zip: "07652", area: "201"),
        Place(city: "Edison", state: "NJ", zip: "08817", area: "732"),
        Place(city: "Morristown", state: "NJ", zip: "07960", area: "973"),
        Place(city: "Stamford", state: "CT", zip: "06901", area: "203"),
        Place(city: "Greenwich", state: "CT", zip: "06830", area: "203"),
        Place(city: "Norwalk", state: "CT", zip: "06850", area: "203"),
        Place(city: "New Haven", state: "CT", zip: "06510", area: "203"),
        Place(city: "Hartford", state: "CT", zip: "06103", area: "860"),
    ]
    static let streets = [
        "Main St", "Broadway", "Old Country Rd", "Park Ave", "Route 9", "Post Rd", "Jericho Tpke", "Washington St",
        "Central Ave", "Elm St", "Maple Ave", "Hempstead Tpke", "Boston Post Rd", "Summit Ave", "River Rd",
        "Market St", "Bergen Blvd", "Northern Blvd", "Sunrise Hwy", "Atlantic Ave",
    ]

    struct Product {
        let code: String; let name: String; let family: String
        let listCents: Int; let floorCents: Int; let nrcCents: Int
        /// Largest quantity on one line (seats and voice lines come in numbers).
        let maxQuantity: Int
    }
    static let products: [Product] = [
        Product(code: "FIB-100", name: "Business Fiber 100M", family: "Fiber Internet", listCents: 7_900, floorCents: 6_500, nrcCents: 9_900, maxQuantity: 1),
        Product(code: "FIB-300", name: "Business Fiber 300M", family: "Fiber Internet", listCents: 12_900, floorCents: 10_900, nrcCents: 9_900, maxQuantity: 1),
        Product(code: "FIB-500", name: "Business Fiber 500M", family: "Fiber Internet", listCents: 17_900, floorCents: 14_900, nrcCents: 9_900, maxQuantity: 1),
        Product(code: "FIB-1G", name: "Business Fiber 1 Gig", family: "Fiber Internet", listCents: 24_900, floorCents: 19_900, nrcCents: 19_900, maxQuantity: 1),
        Product(code: "FIB-2G", name: "Business Fiber 2 Gig", family: "Fiber Internet", listCents: 39_900, floorCents: 32_900, nrcCents: 19_900, maxQuantity: 1),
        Product(code: "FIB-5G", name: "Business Fiber 5 Gig", family: "Fiber Internet", listCents: 69_900, floorCents: 57_900, nrcCents: 49_900, maxQuantity: 1),
        Product(code: "FIB-10G", name: "Business Fiber 10 Gig", family: "Fiber Internet", listCents: 119_900, floorCents: 99_900, nrcCents: 99_900, maxQuantity: 1),
        Product(code: "DIA-50", name: "Dedicated Internet 50M", family: "Dedicated Internet", listCents: 45_000, floorCents: 36_000, nrcCents: 50_000, maxQuantity: 1),
        Product(code: "DIA-100", name: "Dedicated Internet 100M", family: "Dedicated Internet", listCents: 65_000, floorCents: 52_000, nrcCents: 50_000, maxQuantity: 1),
        Product(code: "DIA-500", name: "Dedicated Internet 500M", family: "Dedicated Internet", listCents: 125_000, floorCents: 99_000, nrcCents: 100_000, maxQuantity: 1),
        Product(code: "DIA-1G", name: "Dedicated Internet 1 Gig", family: "Dedicated Internet", listCents: 190_000, floorCents: 150_000, nrcCents: 150_000, maxQuantity: 1),
        Product(code: "DIA-10G", name: "Dedicated Internet 10 Gig", family: "Dedicated Internet", listCents: 650_000, floorCents: 520_000, nrcCents: 300_000, maxQuantity: 1),
        Product(code: "VOI-LINE", name: "Business Voice Line", family: "Voice", listCents: 2_995, floorCents: 2_195, nrcCents: 2_500, maxQuantity: 24),
        Product(code: "VOI-UNL", name: "Unlimited Voice Line", family: "Voice", listCents: 3_995, floorCents: 2_995, nrcCents: 2_500, maxQuantity: 24),
        Product(code: "VOI-TF", name: "Toll-Free Number", family: "Voice", listCents: 995, floorCents: 500, nrcCents: 0, maxQuantity: 4),
        Product(code: "SIP-10", name: "SIP Trunk, 10 Paths", family: "SIP Trunking", listCents: 19_900, floorCents: 15_900, nrcCents: 25_000, maxQuantity: 4),
        Product(code: "SIP-23", name: "SIP Trunk, 23 Paths", family: "SIP Trunking", listCents: 39_900, floorCents: 31_900, nrcCents: 25_000, maxQuantity: 4),
        Product(code: "PRI-23", name: "PRI, 23 Channels", family: "SIP Trunking", listCents: 44_900, floorCents: 36_900, nrcCents: 35_000, maxQuantity: 2),
        Product(code: "HPBX-STD", name: "Hosted PBX Seat, Standard", family: "Hosted Voice", listCents: 2_495, floorCents: 1_895, nrcCents: 0, maxQuantity: 50),
        Product(code: "HPBX-PRO", name: "Hosted PBX Seat, Pro", family: "Hosted Voice", listCents: 3_495, floorCents: 2_695, nrcCents: 0, maxQuantity: 50),
        Product(code: "HPBX-PHN", name: "Desk Phone Rental", family: "Hosted Voice", listCents: 595, floorCents: 395, nrcCents: 0, maxQuantity: 50),
        Product(code: "TV-BASIC", name: "Business TV Basic", family: "TV", listCents: 3_999, floorCents: 2_999, nrcCents: 4_999, maxQuantity: 6),
        Product(code: "TV-PREF", name: "Business TV Preferred", family: "TV", listCents: 7_999, floorCents: 6_499, nrcCents: 4_999, maxQuantity: 6),
        Product(code: "TV-SPORTS", name: "Sports Bar TV Package", family: "TV", listCents: 24_999, floorCents: 19_999, nrcCents: 9_999, maxQuantity: 3),
        Product(code: "TV-MUSIC", name: "Background Music", family: "TV", listCents: 2_999, floorCents: 1_999, nrcCents: 0, maxQuantity: 1),
        Product(code: "IP-1", name: "Static IP, 1 Address", family: "Static IP", listCents: 1_500, floorCents: 1_000, nrcCents: 0, maxQuantity: 1),
        Product(code: "IP-5", name: "Static IP Block /29", family: "Static IP", listCents: 2_500, floorCents: 1_800, nrcCents: 0, maxQuantity: 1),
        Product(code: "IP-13", name: "Static IP Block /28", family: "Static IP", listCents: 4_500, floorCents: 3_500, nrcCents: 0, maxQuantity: 1),
        Product(code: "WIFI-AP", name: "Managed Wi-Fi Access Point", family: "Managed Wi-Fi", listCents: 2_900, floorCents: 2_200, nrcCents: 15_000, maxQuantity: 12),
        Product(code: "WIFI-GST", name: "Guest Wi-Fi Portal", family: "Managed Wi-Fi", listCents: 1_900, floorCents: 1_200, nrcCents: 0, maxQuantity: 1),
        Product(code: "SDWAN-ESS", name: "SD-WAN Essentials, per Site", family: "SD-WAN", listCents: 19_900, floorCents: 15_900, nrcCents: 29_900, maxQuantity: 10),
        Product(code: "SDWAN-ADV", name: "SD-WAN Advanced, per Site", family: "SD-WAN", listCents: 34_900, floorCents: 27_900, nrcCents: 29_900, maxQuantity: 10),
        Product(code: "LTE-BKP", name: "Backup LTE Connection", family: "Connectivity Backup", listCents: 3_995, floorCents: 2_995, nrcCents: 9_900, maxQuantity: 1),
        Product(code: "LTE-BKP-PLUS", name: "Backup LTE with Battery", family: "Connectivity Backup", listCents: 5_995, floorCents: 4_495, nrcCents: 14_900, maxQuantity: 1),
        Product(code: "SEC-FW", name: "Managed Firewall", family: "Security", listCents: 9_900, floorCents: 7_900, nrcCents: 19_900, maxQuantity: 1),
        Product(code: "SEC-DNS", name: "DNS Security", family: "Security", listCents: 1_500, floorCents: 1_000, nrcCents: 0, maxQuantity: 1),
        Product(code: "SEC-CAM", name: "Video Surveillance Camera", family: "Security", listCents: 2_995, floorCents: 2_295, nrcCents: 9_900, maxQuantity: 16),
        Product(code: "ETH-10G", name: "Metro Ethernet 10 Gig", family: "Ethernet", listCents: 280_000, floorCents: 230_000, nrcCents: 200_000, maxQuantity: 1),
        Product(code: "ETH-1G", name: "Metro Ethernet 1 Gig", family: "Ethernet", listCents: 95_000, floorCents: 78_000, nrcCents: 100_000, maxQuantity: 1),
        Product(code: "M365-BAS", name: "Microsoft 365 Business Basic", family: "Cloud", listCents: 700, floorCents: 600, nrcCents: 0, maxQuantity: 50),
    ]

    static let noteTexts = [
        "Customer asked for a call before the technician arrives.",
        "LOA received, waiting on CSR from the losing carrier.",
        "Site contact changed; new number in the CRM.",
        "Building requires a certificate of insurance before access.",
        "Customer wants the install after business hours.",
        "Construction survey scheduled; permit likely needed.",
        "Discount approved by supervisor on the phone.",
        "Port date confirmed with the losing carrier.",
        "Equipment shipped to the site, tracking in the ticket.",
        "Customer disputes the NRC; check the signed CSA.",
        "Technician could not find the demarc; customer to confirm.",
        "Moved the install at the customer's request.",
    ]

    /// People at the customers (contacts).
    static let contactFirstNames = [
        "Ana", "Marco", "Lucia", "Sal", "Priya", "James", "Mei", "Olga", "Kwame", "Sofía", "Noah", "Fatima", "Diego",
        "Hiro", "Chloé", "Ravi", "Grace", "Tomasz", "Aisha", "Liam", "Nadia", "Omar", "Elena", "Jin",
    ]
    static let contactLastNames = [
        "Ruiz", "Bianchi", "Romano", "Esposito", "Shah", "O'Neill", "Chen", "Ivanova", "Mensah", "García", "Fischer",
        "Haddad", "Moreno", "Tanaka", "Lefèvre", "Kapoor", "Kim", "Nowak", "Bello", "Murphy", "Petrov", "Farouk",
        "Costa", "Park",
    ]

    /// Notes account managers write on a customer's timeline.
    static let customerNoteTexts = [
        "Prefers email; the office line rings at the front desk.",
        "Asked about moving the back office to the second location next year.",
        "Port of the main number planned once the LOA is signed.",
        "Billing contact changed; invoices go to the new address.",
        "Interested in SD-WAN for all sites; send a proposal.",
        "Site access only before 10 am; call the site contact first.",
        "Unhappy with the last outage; offered a one-month credit.",
        "Renewal conversation started; wants a 36-month term.",
    ]
}
