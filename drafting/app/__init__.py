"""The Streamlit app: views and helpers (pages in drafting/app/pages/, entry in streamlit_app.py)."""
