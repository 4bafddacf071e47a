"""One module per page of the app; each runs as a script through st.Page."""
