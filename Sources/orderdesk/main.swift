print("orderdesk")
