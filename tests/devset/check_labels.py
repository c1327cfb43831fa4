"""Sanity checks for the gapcheck development set.

Run:  python tests/devset/check_labels.py

Checks that labels.json is valid, that every resume has exactly one entry
(and vice versa), that resumes are 150-500 words, that the label lists are
well-formed, and that every held / learning / trap / certification name can be
found in its resume -- either literally (case-insensitive, whole word) or via
the surface form recorded in EVIDENCE below.  Every trap must have an explicit
EVIDENCE entry naming the non-skill text that contains the trap word.

This script is only a consistency aid; it is not collected by pytest.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ("held", "learning", "traps", "certifications")

# file -> {label: surface form found in the resume}
# Only needed when the canonical label does not appear literally in the text
# (and always for traps).
EVIDENCE = {
    "01_ml_engineer.txt": {
        "PyTorch": "Pytorch", "TensorFlow": "Tensoflow", "scikit-learn": "sklearn",
        "Apache Airflow": "Airflow", "Google Cloud Platform": "GCP",
        "Learning to Rank": "learning-to-rank", "Time Series Forecasting": "time-series models",
        "A/B Testing": "A/B tests", "Natural Language Processing": "NLP classifiers",
        "Microservices": "microservices", "Feature Engineering": "feature pipelines",
        "Apache Spark": "sparked", "Julia": "Julia Okafor",
    },
    "02_data_engineer.txt": {
        "Apache Kafka": "Kafka", "Apache Airflow": "Airflow", "PostgreSQL": "Postgres",
        "Amazon S3": "S3", "AWS Glue": "Glue", "Amazon EMR": "EMR",
        "Dimensional Modeling": "dimensional models", "Data Pipelines": "streaming pipelines",
        "Stream Processing": "streaming ingestion",
        "Go": "go the extra mile", "R": "R&D group", "Microsoft Excel": "Engineering Excellence",
    },
    "03_backend_engineer.txt": {
        "Go": "Golang", "PostgreSQL": "Postgres", "REST APIs": "REST", "Kubernetes": "k8s",
        "Service Level Objectives": "SLO", "Apache Kafka": "Kafka",
        "Scala": "scalable", "React": "reactive", "C": "C-suite",
    },
    "04_frontend_developer.txt": {
        "JavaScript": "Javascript", "Node.js": "NodeJS", "HTML": "HTML5", "Express.js": "Express",
        "Web Accessibility": "accessibility issues", "Responsive Design": "responsive HTML/CSS layouts",
        "Server-Side Rendering": "server-side rendering", "Unit Testing": "unit tests",
        "End-to-End Testing": "end-to-end tests", "Visual Regression Testing": "visual regression tests",
        "Code Splitting": "code splitting", "Web Performance Optimization": "Largest Contentful Paint",
        "Java": "Java House",
    },
    "05_ios_engineer.txt": {
        "Snapshot Testing": "snapshot tests", "REST APIs": "REST API", "Continuous Integration": "CI",
        "Instruments": "Xcode Instruments", "Async/Await": "async/await",
        "Push Notifications": "push notifications", "In-App Purchases": "in-app purchases",
        "Machine Learning": "machine learning", "Core ML": "Core ML",
        "C": "Objective-C", "Microsoft Excel": "I excel at",
    },
    "06_devops_sre.txt": {
        "Red Hat Enterprise Linux": "RHEL", "Infrastructure as Code": "Infra as code",
        "Service Level Objectives": "SLOs", "Incident Management": "Incident commander",
        "Postmortems": "postmortems", "Load Balancing": "load balancers",
        "Microsoft Excel": "I excel at", "Microsoft Outlook": "long-term outlook",
    },
    "07_data_analyst.txt": {
        "Microsoft SQL Server": "SQL Server", "scikit-learn": "scikit learn", "Microsoft Excel": "MS Excel",
        "Regression Analysis": "regression", "Churn Modeling": "churn propensity model",
        "Dashboarding": "dashboard", "KPI Reporting": "KPI packs",
        "Monte Carlo Simulation": "Monte Carlo simulation",
        "Go": "goal-tracking", "Microsoft Access": "had access to",
    },
    "08_embedded_engineer.txt": {
        "C": "C (C99", "CAN Bus": "CAN bus", "Device Drivers": "drivers", "Oscilloscope": "oscilloscopes",
        "Logic Analyzer": "logic analyzers", "Hardware-in-the-Loop Testing": "hardware-in-the-loop",
        "Firmware Development": "firmware", "Low-Power Design": "sleep current",
        "Test Automation": "test automation", "Continuous Integration": "CI",
        "Board Bring-Up": "board bring-up", "Static Analysis": "static analysis",
        "R": "R&D hardware group", "Microsoft Access": "access-control keypads",
    },
    "09_registered_nurse.txt": {
        "Patient Education": "Patient & family education", "Epic": "Epic EHR",
        "Electronic Health Records": "EHR", "Blood Transfusion": "blood transfusions",
        "PCA Pump Management": "PCA pumps", "Pressure Injury Prevention": "pressure injuries",
        "Blood Glucose Monitoring": "blood glucose checks", "Activities of Daily Living Assistance": "ADLs",
        "Post-Operative Care": "post-operative", "Preceptorship": "Precept new graduate nurses",
        "Fall Prevention": "fall prevention",
        "Registered Nurse License": "Registered Nurse, Ohio Board of Nursing",
        "Go": "go the extra mile", "Microsoft Teams": "interdisciplinary teams",
    },
    "10_icu_nurse.txt": {
        "Mechanical Ventilation": "Mechanical ventilation", "Ventilator Weaning": "weaning protocols",
        "Arterial Line Management": "arterial lines", "Central Line Care": "central lines",
        "Pulmonary Artery Catheter": "Swan-Ganz", "Vasoactive Medication Titration": "vasoactive drips",
        "Sedation Management": "sedation", "Continuous Renal Replacement Therapy": "CRRT",
        "Sepsis Management": "Sepsis bundles", "Critical Care Nursing": "Critical Care Registered Nurse",
        "Medication Titration": "Titrated heparin and insulin drips",
        "Patient Education": "Taught patients heart-failure self-care", "Rapid Response": "rapid responses",
        "Cerner": "Cerner PowerChart",
        "Registered Nurse License": "Colorado RN license",
        "Swift": "swift response", "Microsoft Outlook": "the outlook is poor",
    },
    "11_pharmacist.txt": {
        "Immunization Administration": "Immunizations", "Anticoagulation Management": "Anticoagulation monitoring",
        "Prior Authorization": "prior authorizations",
        "Controlled Substance Inventory Management": "Controlled-substance inventory",
        "DEA Reporting": "DEA reporting", "Drug Interaction Screening": "drug interactions",
        "INR Monitoring": "INR protocol", "USP 795 Compliance": "USP <795>",
        "Epic Willow": "Epic Willow Ambulatory",
        "Pharmacist License": "Licensed Pharmacist",
        "Flask": "volumetric flask", "C": "C-II through C-V",
    },
    "12_medical_assistant.txt": {
        "Phlebotomy": "venipuncture", "Specimen Processing": "process specimens",
        "Point-of-Care Testing": "point-of-care tests", "EKG": "EKGs", "Injections": "injections",
        "Vaccine Administration": "childhood vaccines", "Patient Scheduling": "schedule follow-ups",
        "Referral Coordination": "referrals", "Insurance Verification": "Verify insurance eligibility",
        "OSHA Bloodborne Pathogens Compliance": "OSHA bloodborne pathogen",
        "Instrument Sterilization": "sterilize instruments", "Patient Registration": "Registered patients",
        "Multi-Line Phones": "multi-line phones", "Patient Rooming": "Room 30-40 patients",
        "Copay Collection": "collect copays", "Medication Reconciliation": "medication reconciliation",
        "Vital Signs": "vital signs", "Urinalysis": "urinalysis",
        "CMA": "CMA, AAMA", "BLS": "BLS for Healthcare Providers",
        "Microsoft Word": "word of mouth", "Microsoft Access": "Patient Access Representative",
    },
    "13_staff_accountant.txt": {
        "General Ledger": "General ledger", "Journal Entries": "journal entries",
        "Month-End Close": "Month-end and year-end close", "Year-End Close": "year-end close",
        "Account Reconciliation": "Account reconciliations", "Prepaid Expenses": "prepaids",
        "Fixed Asset Accounting": "Fixed asset schedules", "QuickBooks": "Quick Books",
        "Microsoft Excel": "MS Excel", "1099 Preparation": "1099 preparation",
        "Intercompany Reconciliation": "Reconcile intercompany accounts",
        "Audit Support": "Support external auditors", "ACH Payments": "ACH payments",
        "Shell Scripting": "shell company",
    },
    "14_financial_analyst.txt": {
        "Financial Modeling": "DCF models", "Three-Statement Modeling": "three-statement",
        "Discounted Cash Flow": "DCF", "Microsoft Excel": "Excel", "VBA": "VBA macros",
        "Microsoft PowerPoint": "Powerpoint", "Budgeting": "budget season", "Forecasting": "rolling 12-month forecast",
        "Variance Analysis": "Variance analysis", "Driver-Based Modeling": "driver-based",
        "Headcount Planning": "headcount model", "Valuation": "valuations",
        "Comparable Company Analysis": "comparable-company", "Mergers & Acquisitions": "M&A",
        "Scenario Analysis": "downside scenario", "Dashboarding": "Power BI dashboards",
        "CFA Level I": "CFA Level I",
        "C": "C-suite", "R": "R&D cost centers", "Microsoft Outlook": "FY25 outlook",
    },
    "15_internal_auditor.txt": {
        "Audit Planning": "audit planning", "Risk Assessment": "Risk-based", "SOX Compliance": "SOX 404 testing",
        "Internal Controls": "Internal controls", "COSO Framework": "COSO", "IT General Controls": "IT general controls",
        "Controls Testing": "controls testing", "Substantive Testing": "Substantive & controls testing",
        "Statistical Sampling": "Statistical sampling", "Microsoft Excel": "Excel",
        "Audit Reporting": "Audit report writing", "Segregation of Duties": "segregation of duties",
        "Journal Entry Testing": "test 100% of journal entries", "Inventory Observation": "Inventory observations",
        "Revenue Cut-off Testing": "revenue cut-off testing", "Audit Documentation": "Documented workpapers",
        "Operational Auditing": "operational and financial audits", "Financial Auditing": "financial audits",
        "External Auditing": "External audits", "User Access Reviews": "user access reviews",
        "TeamMate": "TeamMate+",
        "Microsoft Access": "user access reviews", "Microsoft Teams": "engagement teams",
    },
    "16_payroll_specialist.txt": {
        "Payroll Processing": "Process biweekly and weekly payroll", "Multi-State Payroll": "multi-state",
        "UKG": "UKG", "Garnishments": "garnishments", "FLSA Compliance": "FLSA compliance",
        "Payroll Tax": "payroll tax", "General Ledger Reconciliation": "GL reconciliation",
        "Journal Entries": "journal entries", "Tip Credit Calculation": "tip credits",
        "Overtime Calculation": "overtime", "Timekeeping": "timekeeping", "Microsoft Excel": "Excel",
        "Pivot Tables": "pivot tables", "W-2 Processing": "W-2", "Form 941 Filing": "941s",
        "State Unemployment Filing": "state unemployment filings", "New-Hire Reporting": "new-hire reporting",
        "PTO Accrual Tracking": "PTO accruals", "Timesheet Auditing": "Audited timesheets",
        "Attention to Detail": "attention to detail",
        "Certified Payroll Professional": "Certified Payroll Professional (CPP)",
        "Go": "go-live",
    },
    "17_electrician.txt": {
        "Conduit Bending": "Conduit bending", "Electrical Wiring": "residential wiring",
        "National Electrical Code": "NEC 2023", "Service Upgrades": "Service upgrades",
        "Panel Installation": "panel and switchgear installation", "Switchgear Installation": "switchgear installation",
        "Motor Controls": "Motor controls", "Variable Frequency Drives": "VFDs", "PLC Troubleshooting": "PLC troubleshooting",
        "Lighting Retrofits": "Lighting retrofits", "Lighting Controls": "lighting control systems",
        "Fire Alarm Installation": "Fire alarm device installation", "Blueprint Reading": "Reading blueprints",
        "Schematic Reading": "schematics", "Multimeter": "multimeters", "Megohmmeter": "megohmmeters",
        "Clamp Meter": "clamp meters", "Arc Flash Safety": "arc-flash safety", "Material Takeoff": "material takeoffs",
        "Troubleshooting": "Troubleshot", "Rough-In": "rough-in", "Trim-Out": "trim-out",
        "OSHA 30": "OSHA 30-Hour", "NFPA 70E Arc Flash Training": "NFPA 70E Arc Flash Training",
        "Apache Spark": "sparking", "Microsoft Access": "access panels",
    },
    "18_plumber.txt": {
        "Copper Soldering": "sweat copper", "PEX Installation": "PEX", "PVC Piping": "PVC", "ABS Piping": "ABS",
        "Drain Line Installation": "drain lines", "Rough-In Plumbing": "rough in bathrooms",
        "Repiping": "replace a lot of old galvanized pipe", "Water Heater Installation": "install and repair tank and tankless water heaters",
        "Tankless Water Heaters": "tankless water heaters", "Drain Cleaning": "clear drains", "Hydro-Jetting": "hydro-jetting",
        "Sewer Camera Inspection": "camera inspections on sewer laterals", "Backflow Testing": "test backflow assemblies",
        "Gas Line Pressure Testing": "pressure-test new gas lines", "Job Estimating": "quote jobs",
        "Bookkeeping": "do the books", "Crew Scheduling": "crew is scheduled", "Invoicing": "invoiced",
        "Master Plumber License": "Master Plumber License", "Backflow Assembly Tester": "Backflow Assembly Tester",
        "ASSE 6010 Medical Gas Installer": "Medical Gas Installer (ASSE 6010)",
        "Rust": "the rust has eaten through", "Microsoft Word": "word of mouth",
    },
    "19_hvac_technician.txt": {
        "HVAC Diagnostics": "Diagnostics & repair", "HVAC Repair": "repair", "Split Systems": "split systems",
        "Heat Pumps": "heat pumps", "Rooftop Units": "RTUs", "Mini-Split Systems": "mini-splits",
        "Refrigerant Recovery": "recovery", "Refrigerant Charging": "charging", "Nitrogen Purging": "nitrogen purge",
        "Thermostats": "thermostats", "Economizers": "economizers", "Ductwork Installation": "ductwork",
        "Line Set Installation": "line sets", "Condensate Lines": "condensate lines", "Load Calculation": "Manual J",
        "Duct Design": "Manual D", "Multimeter": "multimeter", "Superheat/Subcooling Measurement": "superheat/subcooling",
        "Air Balancing": "balanced ductwork", "Preventive Maintenance": "preventive maintenance",
        "Compressor Diagnostics": "Diagnose compressor", "Refrigerant Record-Keeping": "refrigerant logs",
        "EPA Section 608 Universal": "EPA Section 608 Universal", "NATE Certification": "NATE Certified",
        "R": "R-410A", "Go": "Go-to tech",
    },
    "20_welder.txt": {
        "Welding": "Welder", "MIG Welding": "MIG (GMAW)", "TIG Welding": "TIG (GTAW)", "Stick Welding": "Stick (SMAW)",
        "Flux-Core Welding": "Flux-core (FCAW)", "Plasma Cutting": "plasma", "Oxy-Fuel Cutting": "oxy-fuel cutting",
        "Blueprint Reading": "blueprint", "Weld Symbol Reading": "weld symbol reading", "Fit-Up": "fit-up",
        "Tack Welding": "tack assemblies", "Grinding": "grinding", "Metal Finishing": "finishing",
        "Overhead Crane Operation": "overhead crane", "Structural Steel Welding": "Structural Welder",
        "Stainless Steel Welding": "stainless TIG", "Hardfacing": "hardfacing", "Beveling": "beveled plate",
        "Sandblasting": "Sandblasting", "Rust-Proofing": "rust-proofing", "Forklift Operation": "Forklift operator",
        "Shop Drawing Reading": "shop drawings", "Heavy Equipment Repair": "heavy equipment repair",
        "AWS D1.1 Structural Steel": "AWS D1.1 Structural Steel", "OSHA 10": "OSHA 10",
        "Forklift Operator Certification": "Forklift operator certification",
        "AWS": "AWS D1.1", "Rust": "rust-proofing",
    },
    "21_cnc_machinist.txt": {
        "CNC Machining": "CNC Machinist", "CNC Setup": "Setup Machinist", "5-Axis Machining": "5-axis",
        "CNC Milling": "mills", "CNC Turning": "lathes", "Fanuc": "Fanuc", "Microsoft Excel": "Excel",
        "Statistical Process Control": "SPC", "Micrometers": "micrometers", "Calipers": "calipers",
        "Bore Gauges": "bore gauges", "Height Gauge": "height gauge", "Go/No-Go Gauges": "go/no-go gauges",
        "Coordinate Measuring Machine": "CMM", "First Article Inspection": "first article inspection",
        "Tool Offsets": "tool offsets", "Work Offsets": "work offsets", "Deburring": "deburred",
        "Fusion 360": "Fusion 360 CAM", "NIMS Level I": "NIMS Level I",
        "Go": "go/no-go", "C": "A and C axes",
    },
    "22_truck_driver.txt": {
        "Over-the-Road Driving": "Over-the-road", "Dry Van": "dry van", "Reefer Hauling": "reefer loads",
        "Flatbed Hauling": "flatbed", "Pre-Trip Inspection": "pre-trip", "Post-Trip Inspection": "post-trip inspections",
        "Hours of Service Compliance": "Hours-of-service compliance", "Electronic Logging Devices": "ELDs",
        "Load Securement": "Load securement", "Tarping": "tarps", "Backing": "backing",
        "Mountain Driving": "mountain driving", "City Driving": "city", "Tire Chaining": "chaining up in winter",
        "Reefer Temperature Monitoring": "Reefer temperature monitoring", "Trip Planning": "Trip planning",
        "Oversize Load Hauling": "oversize permit loads", "Doubles/Triples": "doubles or triples",
        "CDL Class A": "Class A CDL", "Hazmat Endorsement": "Hazmat and Tanker endorsements",
        "Tanker Endorsement": "Tanker endorsements", "TWIC": "TWIC card", "DOT Medical Card": "DOT medical card",
        "Dart": "Dart Ridge Freight", "Go": "go-to driver",
    },
    "23_marketing_manager.txt": {
        "Go-to-Market Strategy": "Go-to-market strategy", "Product Launches": "launched four products",
        "Sales Enablement": "sales enablement", "Positioning and Messaging": "Positioning & messaging",
        "Lifecycle Marketing": "lifecycle nurture programs", "Win/Loss Analysis": "win/loss interviews",
        "Pricing Research": "pricing survey", "Trade Show Marketing": "trade-show",
        "Email Marketing": "email and landing-page copy", "A/B Testing": "A/B tested",
        "Google Analytics": "Google Analytics 4", "Paid Search": "paid search",
        "C": "C-suite", "Go": "go-to-market plans",
    },
    "24_seo_content_marketer.txt": {
        "Search Engine Optimization": "SEO", "Yoast SEO": "Yoast", "Surfer SEO": "Surfer",
        "Google Analytics": "Google Analytics 4", "Keyword Research": "keyword research",
        "Topic Clusters": "topic clusters", "Content Briefs": "editorial briefs",
        "On-Page Optimization": "on-page optimisation", "Internal Linking": "internal linking",
        "Content Audits": "content audit", "Technical SEO": "Technical SEO", "Canonical Tags": "canonical tags",
        "Hreflang": "hreflang", "Schema Markup": "schema markup", "Copywriting": "SEO Copywriter",
        "Link Building": "built links", "Digital PR": "digital PR", "Guest Posting": "guest posting",
        "Rank Tracking": "tracked rankings", "Crawl Budget Optimization": "crawl budget", "HTML": "basic HTML",
        "Microsoft Excel": "Content Excellence", "React": "Reader reaction",
    },
    "25_social_media_manager.txt": {
        "Content Calendar Planning": "content calendar", "Caption Writing": "write captions",
        "Short-Form Video Editing": "edit short-form video", "Paid Social Advertising": "paid social",
        "Community Management": "community replies", "Influencer Marketing": "micro-influencers",
        "Social Media Analytics": "reach, engagement and follower growth", "Graphic Design": "designed graphics",
        "Social Media Scheduling": "Scheduled posts", "Adobe Premiere Pro": "Adobe Premiere Pro",
        "Puppet": "puppet show", "Go": "go viral",
    },
    "26_graphic_designer.txt": {
        "Brand Identity Design": "Brand identity", "Logo Design": "logo systems", "Editorial Design": "Editorial & layout",
        "Layout Design": "layout", "Packaging Design": "Packaging design", "Print Production": "Print production",
        "Motion Graphics": "Motion graphics", "UI Design": "UI design", "Adobe Photoshop": "Photoshop",
        "Adobe InDesign": "InDesign", "Adobe After Effects": "After Effects", "Brand Guidelines": "brand guidelines",
        "Dielines": "dielines", "Press Checks": "press checks", "Preflight": "preflight",
        "Color Correction": "color correction", "Illustration": "Illustrated", "Typesetting": "Set type",
        "Signage Design": "signage", "Animation": "Animated",
        "Swift": "swift turnaround", "Ruby": "ruby anniversary",
    },
    "27_teacher.txt": {
        "Lesson Planning": "lesson planning", "Common Core State Standards": "CCSS",
        "Differentiated Instruction": "Differentiated instruction", "Classroom Management": "Classroom management",
        "Restorative Practices": "restorative practices", "Formative Assessment": "Formative & summative assessment",
        "Summative Assessment": "summative assessment", "Guided Reading": "Guided reading",
        "IEP Accommodations": "IEP and 504 accommodations", "504 Plans": "504 accommodations",
        "Parent Communication": "Parent communication", "Unit Planning": "Design units",
        "Rubric Design": "rubrics", "Data-Driven Instruction": "analyze benchmark data",
        "Co-Teaching": "co-taught", "Inclusive Education": "inclusion class",
        "Professional Learning Communities": "PLC meetings",
        "California Single Subject Teaching Credential (English)": "California Single Subject Teaching Credential: English",
        "C": "grade C average", "Apache Spark": "sparked interest", "Go": "Goals",
    },
    "28_hr_generalist.txt": {
        "Full-Cycle Recruiting": "Full-cycle recruiting", "ADA Compliance": "ADA accommodations",
        "Policy Writing": "Policy & handbook writing", "Employee Handbook Development": "employee handbook",
        "I-9 Compliance": "I-9 / E-Verify compliance", "Applicant Screening": "screened applicants",
        "Interview Scheduling": "scheduled interviews", "Applicant Tracking Systems": "applicant tracking system",
        "Personnel File Auditing": "audited personnel files", "Job Posting": "Posted jobs",
        "Open Enrollment": "open enrollment", "SHRM-CP": "SHRM-CP",
        "Chef": "Executive Chef", "Go": "Go-to contact",
    },
    "29_sales_representative.txt": {
        "Upselling": "upsold", "Order Entry": "Entered orders", "Product Demonstrations": "product demonstrations",
        "Microsoft Excel": "I excel at", "Java": "Java Junction Roasters",
    },
    "30_customer_service_rep.txt": {
        "Customer Service": "Customer Service", "Phone Support": "phone", "Email Support": "email",
        "Live Chat Support": "live-chat support", "Microsoft Excel": "MS Excel", "Typing": "types 75 wpm",
        "De-escalation": "De-escalate", "Refund Processing": "Process refunds",
        "Knowledge Base Writing": "knowledge-base articles", "Returns Processing": "Handled returns",
        "Order Management": "order lookups", "Billing Support": "billing",
        "Case Documentation": "document every interaction", "Food Preparation": "mise en place",
        "Chef": "Chef Antoine", "Microsoft Access": "account access problems",
    },
    "31_paralegal.txt": {
        "Legal Drafting": "Drafting pleadings", "Discovery": "discovery requests",
        "Bluebook Citation": "Bluebook citation", "E-Discovery": "E-discovery", "Document Review": "document review",
        "Deposition Preparation": "Deposition and trial preparation", "Trial Preparation": "trial preparation",
        "Exhibit Management": "Exhibit and binder management", "Case Management": "Case management",
        "E-Filing": "E-filing", "Subpoena Preparation": "Subpoena preparation", "Privilege Logs": "privilege logs",
        "Client Intake": "Client intake", "Asset Tracing": "tracing assets", "Chain of Custody": "chain-of-custody",
        "Legal Research": "Legal research",
        "Paralegal Certificate": "Paralegal Certificate", "Notary Public": "Notary Public",
        "Shell Scripting": "shell companies", "Julia": "Julia Marchbanks",
    },
    "32_construction_project_manager.txt": {
        "Bluebeam Revu": "Bluebeam Revu", "RFI Management": "RFIs", "Submittal Management": "submittals",
        "Change Order Management": "Change order management", "Subcontractor Buyout": "Subcontractor buyout",
        "OSHA Compliance": "OSHA site safety", "Quality Control": "Quality control",
        "Stakeholder Coordination": "Owner/architect coordination", "Construction Scheduling": "baseline schedule",
        "Look-Ahead Scheduling": "look-aheads", "Pay Applications": "pay applications",
        "Site Logistics Planning": "site logistics", "Job Cost Tracking": "Tracked job costs",
        "Punch Lists": "punch lists", "Project Closeout": "closeout", "Drawing Review": "reviewed drawings",
        "Modular Construction": "modular bathroom pods", "OSHA 30": "OSHA 30-Hour",
        "Scala": "scalable", "Microsoft Access": "site access",
    },
}


def found(text, needle):
    pat = r"(?<![A-Za-z0-9])" + re.escape(needle) + r"(?![A-Za-z0-9])"
    return re.search(pat, text, re.IGNORECASE) is not None


def main():
    errors = []
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in HERE.glob("*.txt"))
    if sorted(labels) != files:
        errors.append(f"file/label mismatch: only-files={set(files)-set(labels)} "
                      f"only-labels={set(labels)-set(files)}")
    for name in files:
        if not re.fullmatch(r"\d\d_[a-z0-9_]+\.txt", name):
            errors.append(f"{name}: bad file name")
        text = (HERE / name).read_text(encoding="utf-8")
        n = len(text.split())
        if not 150 <= n <= 500:
            errors.append(f"{name}: {n} words (want 150-500)")
        entry = labels.get(name)
        if entry is None:
            continue
        if not isinstance(entry.get("profession"), str) or not entry["profession"]:
            errors.append(f"{name}: missing profession")
        for f in ("held", "learning", "traps"):
            if not isinstance(entry.get(f), list):
                errors.append(f"{name}: '{f}' must be a list")
        seen = {}
        for f in FIELDS:
            for lab in entry.get(f, []):
                if lab in seen:
                    errors.append(f"{name}: '{lab}' in both {seen[lab]} and {f}")
                seen[lab] = f
        ev = EVIDENCE.get(name, {})
        for f in FIELDS:
            for lab in entry.get(f, []):
                if f == "traps" and lab not in ev:
                    errors.append(f"{name}: trap '{lab}' has no EVIDENCE entry")
                    continue
                needle = ev.get(lab, lab)
                if not found(text, needle):
                    errors.append(f"{name}: {f} '{lab}' not found in text "
                                  f"(looked for {needle!r})")
        for lab in ev:
            if lab not in seen:
                errors.append(f"{name}: EVIDENCE for unknown label '{lab}'")
    for e in errors:
        print(e)
    total = sum(len(v.get("held", [])) for v in labels.values())
    print(f"{len(labels)} resumes, {total} held labels, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
