// BuildermockTesting module; see ../shared/STYLE.md for its role.
